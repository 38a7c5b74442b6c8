// Audit: recorded decisions, newest first; filter by grant, tool, action and time; page through; each row links to
// its trace when Gatehouse:Console:TraceUrl is set.
import { api, ApiError, badge, empty, h, problemBox, session, show, table, when } from '../lib.js';

const actions = ['', 'allow', 'deny', 'hidden', 'rate_limited', 'invalid_arguments', 'approval_denied', 'approval_timeout', 'approval_pending', 'continued', 'tool_changed', 'unavailable', 'error'];

export async function auditPage(main) {
  const filters = { grant: '', tool: '', action: '', from: '', to: '', page: 1 };
  const field = (name, label, attributes = {}) => h('div', { class: 'field' }, h('label', { for: `audit-${name}` }, label), h('input', { id: `audit-${name}`, name, autocomplete: 'off', ...attributes }));
  const form = h('form', { class: 'card filters', 'aria-label': 'Filters', onsubmit: event => { event.preventDefault(); read(); filters.page = 1; load(); } },
    field('grant', 'Grant'), field('tool', 'Tool'),
    h('div', { class: 'field' }, h('label', { for: 'audit-action' }, 'Action'), h('select', { id: 'audit-action', name: 'action' }, actions.map(action => h('option', { value: action }, action || 'any')))),
    field('from', 'From (UTC)', { type: 'datetime-local' }), field('to', 'To (UTC)', { type: 'datetime-local' }),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary' }, 'Apply')));
  const results = h('div', { 'aria-live': 'polite' });
  show(main, 'Audit', form, results);
  await load();

  function read() {
    for (const name of ['grant', 'tool', 'action', 'from', 'to']) filters[name] = form.elements[name].value;
  }

  async function load() {
    const query = new URLSearchParams({ page: String(filters.page), pageSize: '50' });
    for (const name of ['grant', 'tool', 'action']) if (filters[name]) query.set(name, filters[name]);
    for (const name of ['from', 'to']) if (filters[name]) query.set(name, `${filters[name]}Z`);
    try {
      const answer = await api('GET', `/admin/audit?${query}`);
      const pager = h('nav', { class: 'row', 'aria-label': 'Audit pages' },
        h('button', { type: 'button', disabled: answer.page <= 1, onclick: () => { filters.page--; load(); } }, 'Newer'),
        h('span', {}, `Page ${answer.page}`),
        h('button', { type: 'button', disabled: !answer.hasMore, onclick: () => { filters.page++; load(); } }, 'Older'));
      results.replaceChildren(answer.entries.length === 0
        ? empty(answer.page > 1 ? 'No more entries.' : 'No recorded decisions match.')
        : table('Audit entries', ['When', 'Grant', 'User', 'Upstream', 'Tool', 'Action', 'Rule', 'Upstream status', 'Trace'], answer.entries.map(row)), pager);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      results.replaceChildren(problemBox(error));
    }
  }
}

// An OAuth call's end user (and the client, when it is another); a static grant token has none.
function user(entry) {
  if (!entry.subject) return h('span', { class: 'muted' }, '—');
  return entry.clientId && entry.clientId !== entry.subject
    ? h('span', {}, entry.subject, h('span', { class: 'muted' }, ` via ${entry.clientId}`))
    : entry.subject;
}

function row(entry) {
  const trace = entry.traceId
    ? (session.traceUrl
      ? h('a', { href: session.traceUrl.replaceAll('{traceId}', encodeURIComponent(entry.traceId)), target: '_blank', rel: 'noopener noreferrer' }, h('code', {}, entry.traceId.slice(0, 8)), h('span', { class: 'sr-only' }, ` trace ${entry.traceId}`))
      : h('code', { title: entry.traceId }, entry.traceId.slice(0, 8)))
    : '—';
  return h('tr', {},
    h('td', {}, when(entry.at)), h('td', {}, entry.grantId), h('td', {}, user(entry)), h('td', {}, entry.upstream), h('td', {}, entry.tool),
    h('td', {}, badge(entry.action)), h('td', {}, h('code', {}, entry.rulePointer || '—')), h('td', {}, entry.upstreamStatus ?? '—'), h('td', {}, trace));
}
