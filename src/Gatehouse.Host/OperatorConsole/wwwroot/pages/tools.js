// Tools per upstream: effect, risk and why, the policy's verdict and rule, pin state; a changed definition as a
// side-by-side diff with Accept.
import { api, ApiError, announce, badge, empty, h, problemBox, show, table } from '../lib.js';

export async function toolsPage(main) {
  const { upstreams } = await api('GET', '/admin/tools');
  if (upstreams.length === 0) { show(main, 'Tools', empty('No upstream is configured.')); return; }
  show(main, 'Tools', ...upstreams.map(upstream => h('section', { 'aria-labelledby': `tools-${upstream.name}` },
    h('h2', { id: `tools-${upstream.name}` }, upstream.name, h('span', { class: 'muted' }, ` · pinning ${upstream.pin ? 'on' : 'off'} · policy ${upstream.policyVersion}`)),
    upstream.tools.length === 0
      ? empty('No tools listed (yet): the upstream has not answered a tools/list.')
      : [table(`Tools of ${upstream.name}`, ['Tool', 'Effect', 'Risk', 'Decision', 'Pin'], upstream.tools.map(tool => h('tr', {},
        h('th', { scope: 'row' }, tool.name, tool.description ? h('div', { class: 'muted small' }, tool.description) : ''),
        h('td', {}, tool.effect),
        h('td', {}, badge(tool.risk), h('div', { class: 'muted small' }, tool.riskWhy)),
        h('td', {}, badge(tool.decision.action), ' ', tool.decision.rule ? h('code', {}, tool.decision.rule) : '', h('div', { class: 'muted small' }, tool.decision.why)),
        h('td', {}, badge(tool.pin.state.replace('_', ' '), tool.pin.state))))),
      ...upstream.tools.filter(tool => tool.pin.pending).map(tool => diff(main, upstream.name, tool))])));
}

function diff(main, upstream, tool) {
  const error = h('div', { class: 'alert-slot' });
  const accept = h('button', {
    type: 'button',
    class: 'primary',
    'aria-label': `Accept the changed definition of ${tool.name}`,
    onclick: async () => {
      accept.disabled = true;
      try {
        await api('POST', `/admin/tools/${encodeURIComponent(upstream)}/${encodeURIComponent(tool.name)}/accept`, { sha256: tool.pin.pending.sha256 });
        announce(`Accepted the new definition of ${tool.name}.`);
        await toolsPage(main);
      } catch (failure) {
        if (!(failure instanceof ApiError)) throw failure;
        error.replaceChildren(problemBox(failure));
        accept.disabled = false;
      }
    },
  }, 'Accept');
  return h('article', { class: 'card', 'aria-label': `Changed definition of ${tool.name}` },
    h('h3', {}, `${tool.name}: definition changed`),
    h('div', { class: 'scroll' }, h('table', { class: 'diff' },
      h('caption', { class: 'sr-only' }, `Changes to ${tool.name}: pinned and now`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Path'), h('th', { scope: 'col' }, 'Pinned'), h('th', { scope: 'col' }, 'Now'))),
      h('tbody', {}, tool.pin.changes.map(change => h('tr', {},
        h('th', { scope: 'row' }, h('code', {}, change.path)),
        h('td', { class: 'old' }, h('pre', {}, show_(change.pinned))),
        h('td', { class: 'new' }, h('pre', {}, show_(change.now)))))))),
    h('div', { class: 'actions' }, accept),
    error);
}

function show_(value) {
  return value === null || value === undefined ? '(absent)' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
