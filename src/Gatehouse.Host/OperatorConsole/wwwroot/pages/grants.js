// Grants: create (the token is shown once, with a copy button), list, revoke.
import { api, ApiError, announce, badge, empty, h, problemBox, show, table, upstreamNames, when } from '../lib.js';

export async function grantsPage(main) {
  const names = await upstreamNames();
  const created = h('div', { 'aria-live': 'polite' });
  const formError = h('div', { class: 'alert-slot' });
  const id = h('input', { id: 'grant-id', name: 'id', required: true, pattern: '[A-Za-z0-9_.\\-]{1,64}', autocomplete: 'off' });
  const boxes = names.map(name => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'upstreams', value: name }), ' ', name));
  const form = h('form', { class: 'card', 'aria-labelledby': 'create-heading', onsubmit: create },
    h('h2', { id: 'create-heading' }, 'Create a grant'),
    h('label', { for: 'grant-id' }, 'Grant id'), id,
    h('p', { class: 'hint' }, "Letters, digits, '-', '_' and '.', up to 64."),
    h('fieldset', {}, h('legend', {}, 'Upstreams it may use'), boxes.length ? boxes : empty('No upstream is configured.')),
    h('button', { type: 'submit', class: 'primary' }, 'Create grant'),
    formError);
  const list = h('section', { 'aria-labelledby': 'list-heading' }, h('h2', { id: 'list-heading' }, 'Grants'));
  const listBody = h('div');
  list.append(listBody);
  show(main, 'Grants', created, form, list);
  await load();

  async function create(event) {
    event.preventDefault();
    formError.replaceChildren();
    const upstreams = [...form.querySelectorAll('input[name=upstreams]:checked')].map(box => box.value);
    try {
      const grant = await api('POST', '/admin/grants', { id: id.value, upstreams });
      const token = h('input', { id: 'new-token', readonly: true, value: grant.token, class: 'token', 'aria-describedby': 'token-note' });
      const copy = h('button', {
        type: 'button',
        onclick: async () => {
          token.select();
          try { await navigator.clipboard.writeText(grant.token); announce('Token copied.'); } catch { announce('Select the token and copy it.'); }
        },
      }, 'Copy token');
      created.replaceChildren(h('div', { class: 'card secret' },
        h('h2', {}, `Grant ${grant.id} created`),
        h('label', { for: 'new-token' }, 'Its bearer token'), h('div', { class: 'row' }, token, copy),
        h('p', { id: 'token-note', class: 'hint' }, 'Shown only now: Gatehouse keeps its SHA-256, not the token.')));
      form.reset();
      await load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      formError.replaceChildren(problemBox(error));
    }
  }

  async function load() {
    try {
      const { grants } = await api('GET', '/admin/grants');
      if (grants.length === 0) { listBody.replaceChildren(empty('No grants yet.')); return; }
      listBody.replaceChildren(table('Grants', ['Id', 'Upstreams', 'Source', 'Created', 'State', ''], grants.map(row)));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      listBody.replaceChildren(problemBox(error));
    }
  }

  function row(grant) {
    const revoke = grant.source === 'admin' && !grant.revokedAt
      ? h('button', {
        type: 'button',
        class: 'danger',
        'aria-label': `Revoke grant ${grant.id}`,
        onclick: async () => {
          if (!confirm(`Revoke grant ${grant.id}? Its agents lose access on every replica.`)) return;
          try {
            await api('DELETE', `/admin/grants/${encodeURIComponent(grant.id)}`);
            announce(`Grant ${grant.id} revoked.`);
            await load();
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            listBody.prepend(problemBox(error));
          }
        },
      }, 'Revoke')
      : null;
    return h('tr', {},
      h('th', { scope: 'row' }, grant.id),
      h('td', {}, grant.upstreams.join(', ')),
      h('td', {}, grant.source === 'config' ? 'configuration' : 'admin API'),
      h('td', {}, when(grant.createdAt)),
      h('td', {}, grant.revokedAt ? h('span', {}, badge('revoked'), ' ', when(grant.revokedAt)) : badge('active')),
      h('td', {}, revoke));
  }
}
