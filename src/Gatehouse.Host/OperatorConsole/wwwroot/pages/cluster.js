// Cluster: the silos in the membership table; each active replica's own report (the policy revision it enforces and
// how it last found each upstream), asked of that replica through the cluster; and the serving replica's view.
import { badge, api, h, show, table, when } from '../lib.js';

export async function clusterPage(main) {
  const cluster = await api('GET', '/admin/cluster');
  const reported = cluster.silos.filter(silo => silo.report);
  show(main, 'Cluster',
    h('p', {}, 'Served by replica ', h('code', {}, cluster.replica), `; membership version ${cluster.membershipVersion}.`),
    h('h2', {}, 'Replicas (silos)'),
    table('Silos', ['Address', 'Name', 'Status', ''], cluster.silos.map(silo => h('tr', {},
      h('th', { scope: 'row' }, h('code', {}, silo.address)), h('td', {}, silo.name), h('td', {}, badge(silo.status)), h('td', {}, silo.self ? 'this replica' : '')))),
    h('h2', {}, 'Each replica\'s upstreams'),
    h('p', { class: 'muted' }, 'As each active replica reports them now: the policy it enforces, and how its last listing of the upstream\'s tools went.'),
    table('Policy revision and upstream health on each replica', ['Replica', 'Upstream', 'Policy', 'Tools known', 'Health', 'Last listed'],
      reported.flatMap(silo => silo.report.error
        ? [h('tr', {}, h('th', { scope: 'row' }, h('code', {}, silo.address)), h('td', { colspan: '5' }, badge('not answering', 'changed'), ' ', silo.report.error))]
        : silo.report.upstreams.map(upstream => h('tr', {},
          h('th', { scope: 'row' }, h('code', {}, silo.address)), h('td', {}, upstream.name), h('td', {}, upstream.policyVersion ?? '—'),
          h('td', {}, upstream.toolsKnown), h('td', {}, health(upstream)), h('td', {}, when(upstream.listedAt)))))),
    h('h2', {}, 'Upstreams'),
    table('Upstreams on this replica', ['Upstream', 'Policy revision', 'Version', 'Source', 'Pinning', 'Tools known'], cluster.upstreams.map(upstream => h('tr', {},
      h('th', { scope: 'row' }, upstream.name), h('td', {}, upstream.policyRevision ?? '—'), h('td', {}, upstream.policyVersion ?? '—'),
      h('td', {}, upstream.policySource ?? '—'), h('td', {}, upstream.pinning ? 'on' : 'off'), h('td', {}, upstream.toolsKnown)))));
}

function health(upstream) {
  if (upstream.failedAt) return h('span', {}, badge('failing', 'denied'), ' ', upstream.failure, ' (', when(upstream.failedAt), ')');
  if (upstream.listedAt) return badge('ok', 'approved');
  return h('span', { class: 'muted' }, 'not listed yet');
}
