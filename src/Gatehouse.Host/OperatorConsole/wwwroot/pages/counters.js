// Counters of one grant: used and remaining of each limit, as bars, with the reset time. Limits scoped per end user
// ("subject") show one user's budget when a user (an access token's sub) is named; else the grant's static token's.
import { api, ApiError, empty, h, problemBox, show, when } from '../lib.js';

export async function countersPage(main, [chosen, subject]) {
  const { grants } = await api('GET', '/admin/grants');
  const active = grants.filter(grant => !grant.revokedAt);
  const go = () => {
    const user = who.value.trim();
    location.hash = `#/counters/${encodeURIComponent(select.value)}${user ? `/${encodeURIComponent(user)}` : ''}`;
  };
  const select = h('select', { id: 'counter-grant', onchange: go },
    h('option', { value: '' }, 'Choose a grant'),
    active.map(grant => h('option', { value: grant.id, selected: grant.id === chosen }, grant.id)));
  const who = h('input', { id: 'counter-subject', autocomplete: 'off', value: subject ?? '', placeholder: 'an access token\'s sub', onchange: go });
  const body = h('div', { 'aria-live': 'polite' });
  show(main, 'Counters', h('div', { class: 'card row' },
    h('label', { for: 'counter-grant' }, 'Grant'), select,
    h('label', { for: 'counter-subject' }, 'User (for per-user limits)'), who), body);
  if (!chosen) { body.replaceChildren(empty(active.length ? 'Choose a grant to see its counters.' : 'No grants yet.')); return; }
  try {
    const query = new URLSearchParams({ grant: chosen });
    if (subject) query.set('subject', subject);
    const { counters } = await api('GET', `/admin/counters?${query}`);
    if (counters.length === 0) { body.replaceChildren(empty(`The policies of ${chosen}'s upstreams set no limits.`)); return; }
    body.replaceChildren(h('ul', { class: 'bars' }, counters.map(counter => {
      const label = `${counter.upstream} · ${counter.counter}`;
      return h('li', { class: 'card' },
        h('div', { class: 'row spread' }, h('strong', {}, label), h('span', { class: 'muted' }, `${counter.scope}, ${counter.algorithm}, ${counter.windowSeconds} s window`)),
        h('meter', { min: 0, max: counter.max, value: counter.used, high: counter.max * 0.8, optimum: 0, 'aria-label': `${label}: ${counter.used} of ${counter.max} used` }),
        h('p', {}, `${counter.used} of ${counter.max} used, ${counter.remaining} left; resets `, when(counter.resetAt)));
    })));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    body.replaceChildren(problemBox(error));
  }
}
