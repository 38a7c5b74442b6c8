// Cluster: the silos in the membership table, and each upstream's policy revision as the serving replica holds it.
import { api, badge, h, show, table } from '../lib.js';

export async function clusterPage(main) {
  const cluster = await api('GET', '/admin/cluster');
  show(main, 'Cluster',
    h('p', {}, 'Served by replica ', h('code', {}, cluster.replica), `; membership version ${cluster.membershipVersion}.`),
    h('h2', {}, 'Replicas (silos)'),
    table('Silos', ['Address', 'Name', 'Status', ''], cluster.silos.map(silo => h('tr', {},
      h('th', { scope: 'row' }, h('code', {}, silo.address)), h('td', {}, silo.name), h('td', {}, badge(silo.status)), h('td', {}, silo.self ? 'this replica' : '')))),
    h('h2', {}, 'Upstreams'),
    table('Upstreams on this replica', ['Upstream', 'Policy revision', 'Version', 'Source', 'Pinning', 'Tools known'], cluster.upstreams.map(upstream => h('tr', {},
      h('th', { scope: 'row' }, upstream.name), h('td', {}, upstream.policyRevision ?? '—'), h('td', {}, upstream.policyVersion ?? '—'),
      h('td', {}, upstream.policySource ?? '—'), h('td', {}, upstream.pinning ? 'on' : 'off'), h('td', {}, upstream.toolsKnown)))));
}
