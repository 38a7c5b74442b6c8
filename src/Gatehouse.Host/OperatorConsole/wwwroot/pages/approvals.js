// Approvals, live: the page listens to /admin/approvals/events (server-sent events) and reads the lists again
// whenever the pending set changes, on whichever replica served it.
import { api, ApiError, announce, badge, empty, h, json, problemBox, show, table, when } from '../lib.js';

export async function approvalsPage(main, [focus]) {
  const live = h('p', { class: 'live', 'aria-live': 'polite' }, 'Connecting…');
  const pending = h('section', { 'aria-labelledby': 'pending-heading' }, h('h2', { id: 'pending-heading' }, 'Waiting for a decision'));
  const pendingList = h('div', { class: 'cards' });
  pending.append(pendingList);
  const decided = h('section', { 'aria-labelledby': 'decided-heading' }, h('h2', { id: 'decided-heading' }, 'Recently decided'));
  const decidedList = h('div');
  decided.append(decidedList);
  show(main, 'Approvals', live, pending, decided);

  const timers = [];
  let refreshing = null;
  let again = false;

  async function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = (async () => {
      do {
        again = false;
        try {
          const [open, done] = await Promise.all([api('GET', '/admin/approvals'), api('GET', '/admin/approvals/decided')]);
          renderPending(open.approvals);
          renderDecided(done.approvals);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          pendingList.replaceChildren(problemBox(error));
        }
      } while (again);
    })();
    try { await refreshing; } finally { refreshing = null; }
  }

  function renderPending(approvals) {
    timers.splice(0).forEach(clearInterval);
    if (approvals.length === 0) {
      pendingList.replaceChildren(empty('No call is waiting for approval. Held calls appear here as soon as an agent makes them.'));
      return;
    }
    pendingList.replaceChildren(...approvals.map(card));
    if (focus) document.getElementById(`approval-${focus}`)?.scrollIntoView();
  }

  function card(approval) {
    const left = h('span', { class: 'countdown' });
    const tick = () => {
      const seconds = Math.max(0, Math.round((new Date(approval.expiresAt) - Date.now()) / 1000));
      left.textContent = seconds >= 120 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s left` : `${seconds} s left`;
    };
    tick();
    timers.push(setInterval(tick, 1000));
    const error = h('div', { class: 'alert-slot' });
    const note = h('input', { type: 'text', id: `note-${approval.id}`, maxlength: '500', autocomplete: 'off' });
    const decide = verb => async event => {
      const buttons = event.target.closest('.actions').querySelectorAll('button');
      buttons.forEach(button => { button.disabled = true; });
      try {
        const written = note.value.trim();
        await api('POST', `/admin/approvals/${encodeURIComponent(approval.id)}/${verb}`, written ? { note: written } : undefined);
        announce(`${verb === 'approve' ? 'Approved' : 'Denied'}: ${approval.tool} on ${approval.upstream}.`);
        await refresh();
      } catch (failure) {
        if (!(failure instanceof ApiError)) throw failure;
        error.replaceChildren(problemBox(failure));
        buttons.forEach(button => { button.disabled = false; });
        if (failure.status === 409) await refresh();
      }
    };
    const title = `${approval.tool} on ${approval.upstream}`;
    return h('article', { class: 'card approval', id: `approval-${approval.id}`, 'aria-label': `Held call: ${title}` },
      h('h3', {}, approval.tool, h('span', { class: 'muted' }, ' on ', approval.upstream)),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Grant'), h('dd', {}, approval.grant),
        h('dt', {}, 'Risk'), h('dd', {}, approval.risk ? badge(approval.risk) : h('span', { class: 'muted' }, 'not classified')),
        h('dt', {}, 'Rule'), h('dd', {}, h('code', {}, approval.rule ?? '—')),
        h('dt', {}, 'Who decides'), h('dd', {}, approval.by),
        h('dt', {}, 'Held since'), h('dd', {}, when(approval.requestedAt)),
        h('dt', {}, 'Time left'), h('dd', {}, left)),
      h('details', { open: true }, h('summary', {}, 'Arguments'), json(approval.arguments)),
      h('label', { for: `note-${approval.id}` }, 'Note (optional; a denied agent is told it)'), note,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: decide('approve'), 'aria-label': `Approve ${title}` }, 'Approve'),
        h('button', { type: 'button', class: 'danger', onclick: decide('deny'), 'aria-label': `Deny ${title}` }, 'Deny')),
      error);
  }

  function renderDecided(approvals) {
    if (approvals.length === 0) {
      decidedList.replaceChildren(empty('Nothing decided since the approval index started.'));
      return;
    }
    decidedList.replaceChildren(table('Recently decided approvals', ['Tool', 'Upstream', 'Grant', 'Outcome', 'By', 'When', 'Note'],
      approvals.map(approval => h('tr', {},
        h('td', {}, approval.tool), h('td', {}, approval.upstream), h('td', {}, approval.grant),
        h('td', {}, badge(approval.state)), h('td', {}, approval.decidedBy ?? '—'), h('td', {}, when(approval.decidedAt)),
        h('td', {}, approval.note ?? h('span', { class: 'muted' }, '—'))))));
  }

  const events = new EventSource('/admin/approvals/events');
  events.addEventListener('approvals', () => { live.textContent = 'Live: updates as calls are held and decided.'; refresh(); });
  events.addEventListener('error', async () => {
    live.textContent = 'Connection lost; reconnecting…';
    // A closed stream may mean the session ended: the API call tells (and leads to the sign-in page on 401).
    await refresh();
  });

  return () => { events.close(); timers.splice(0).forEach(clearInterval); };
}
