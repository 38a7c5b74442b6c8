// Policies: the document in force with its revision; edit and save (through PUT /admin/policies/{upstream}, whose
// validation marks each fault at its path); explain a hypothetical call against the policy or the draft.
import { api, ApiError, announce, empty, h, problemBox, show } from '../lib.js';

export async function policiesPage(main, [chosen]) {
  const names = await upstreamList();
  const upstream = chosen && names.includes(chosen) ? chosen : names[0];
  const select = h('select', { id: 'policy-upstream', onchange: () => { location.hash = `#/policies/${encodeURIComponent(select.value)}`; } },
    names.map(name => h('option', { value: name, selected: name === upstream }, name)));
  if (!upstream) { show(main, 'Policies', empty('No upstream is configured.')); return; }

  const policy = await api('GET', `/admin/policies/${encodeURIComponent(upstream)}`);
  const facts = h('p', { 'aria-live': 'polite' });
  const editor = h('textarea', { id: 'policy-editor', class: 'code', rows: 22, spellcheck: 'false', 'aria-describedby': 'policy-faults' });
  const faults = h('div', { id: 'policy-faults', class: 'alert-slot' });
  const setPolicy = current => {
    facts.replaceChildren('Revision ', h('strong', {}, String(current.revision)), `, version “${current.version}”, from ${current.source === 'admin' ? 'the admin API' : 'the policy file'}.`);
    editor.value = JSON.stringify(current.policy, null, 2);
  };
  setPolicy(policy);

  const save = h('button', { type: 'submit', class: 'primary' }, 'Save policy');
  const form = h('form', {
    class: 'card',
    'aria-labelledby': 'edit-heading',
    onsubmit: async event => {
      event.preventDefault();
      faults.replaceChildren();
      save.disabled = true;
      try {
        JSON.parse(editor.value);
      } catch (error) {
        faults.replaceChildren(h('div', { class: 'problem', role: 'alert' }, h('strong', {}, 'Not JSON'), ' ', error.message));
        save.disabled = false;
        return;
      }
      try {
        const saved = await api('PUT', `/admin/policies/${encodeURIComponent(upstream)}`, editor.value);
        setPolicy(saved);
        announce(`Saved: ${upstream} is at revision ${saved.revision}.`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        faults.replaceChildren(problemBox(error, faultList(error.problem.faults)));
      } finally {
        save.disabled = false;
      }
    },
  },
  h('h2', { id: 'edit-heading' }, 'Edit'),
  h('label', { for: 'policy-editor' }, `Policy document of ${upstream} (JSON)`), editor,
  h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: async () => { faults.replaceChildren(); setPolicy(await api('GET', `/admin/policies/${encodeURIComponent(upstream)}`)); } }, 'Reload the policy in force')),
  faults);

  show(main, 'Policies', h('div', { class: 'card row' }, h('label', { for: 'policy-upstream' }, 'Upstream'), select), facts, form, explainForm(upstream, editor));
}

async function upstreamList() {
  const cluster = await api('GET', '/admin/cluster');
  return cluster.upstreams.map(upstream => upstream.name);
}

function faultList(faults) {
  if (!faults?.length) return '';
  return h('ul', { class: 'faults', 'aria-label': 'Faults' },
    faults.map(fault => h('li', {}, h('code', { class: 'path' }, fault.path || '/'), ' ', fault.message)));
}

function explainForm(upstream, editor) {
  const tool = h('input', { id: 'explain-tool', required: true, autocomplete: 'off' });
  const args = h('textarea', { id: 'explain-args', class: 'code', rows: 4, spellcheck: 'false' });
  args.value = '{}';
  const grant = h('input', { id: 'explain-grant', autocomplete: 'off' });
  const draft = h('input', { id: 'explain-draft', type: 'checkbox' });
  const answer = h('div', { 'aria-live': 'polite' });
  return h('form', {
    class: 'card',
    'aria-labelledby': 'explain-heading',
    onsubmit: async event => {
      event.preventDefault();
      answer.replaceChildren();
      let body;
      try {
        body = { tool: tool.value, arguments: JSON.parse(args.value || '{}'), grant: grant.value || null, policy: draft.checked ? JSON.parse(editor.value) : null };
      } catch (error) {
        answer.replaceChildren(h('div', { class: 'problem', role: 'alert' }, h('strong', {}, 'Not JSON'), ' ', error.message));
        return;
      }
      try {
        const result = await api('POST', `/admin/policies/${encodeURIComponent(upstream)}/explain`, body);
        answer.replaceChildren(h('dl', { class: 'facts' },
          h('dt', {}, 'Decision'), h('dd', {}, h('strong', { class: `badge ${result.decision}` }, result.decision)),
          h('dt', {}, 'Rule'), h('dd', {}, h('code', {}, result.rule)),
          h('dt', {}, 'Message'), h('dd', {}, result.message),
          h('dt', {}, 'Risk'), h('dd', {}, result.risk ? `${result.risk.effect}, ${result.risk.risk} (${result.risk.why})` : 'not classified (the upstream has not listed this tool)'),
          h('dt', {}, 'Limits'), h('dd', {}, result.limits.length ? result.limits.map(limit => `${limit.counter}: ${limit.cost} of ${limit.max} per ${limit.window}`).join('; ') : 'none')));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        answer.replaceChildren(problemBox(error, faultList(error.problem.faults)));
      }
    },
  },
  h('h2', { id: 'explain-heading' }, 'Explain a call'),
  h('label', { for: 'explain-tool' }, 'Tool'), tool,
  h('label', { for: 'explain-args' }, 'Arguments (JSON object)'), args,
  h('label', { for: 'explain-grant' }, 'Grant (optional)'), grant,
  h('label', { class: 'check' }, draft, ' Against the draft in the editor, not the policy in force'),
  h('button', { type: 'submit' }, 'Explain'),
  answer);
}
