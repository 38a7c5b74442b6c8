// The console: sign-in, then one page per admin task, routed by the URL's fragment (#/approvals) so that any
// replica serves the same /console/ and nothing about a browser lives on a server.
import { api, ApiError, h, session, show, problemBox } from './lib.js';
import { approvalsPage } from './pages/approvals.js';
import { toolsPage } from './pages/tools.js';
import { policiesPage } from './pages/policies.js';
import { grantsPage } from './pages/grants.js';
import { auditPage } from './pages/audit.js';
import { countersPage } from './pages/counters.js';
import { clusterPage } from './pages/cluster.js';

const pages = {
  approvals: approvalsPage,
  tools: toolsPage,
  policies: policiesPage,
  grants: grantsPage,
  audit: auditPage,
  counters: countersPage,
  cluster: clusterPage,
};

const main = document.getElementById('main');
let leave = null;
// How this console may be signed in to (from GET /console/session when not signed in): the admin token, an IdP, or both.
let signInOptions = { adminToken: true, idp: null, idpUrl: null };
// A sign-in through the IdP that failed comes back here with the reason.
const signInError = new URLSearchParams(location.search).get('signin_error');
if (signInError !== null) history.replaceState(null, '', `/console/${location.hash}`);

async function route() {
  if (leave) { leave(); leave = null; }
  if (!session.csrf) return signInPage();
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'approvals').split('/');
  const page = pages[name] ?? pages.approvals;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#/${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    leave = await page(main, rest.map(decodeURIComponent)) ?? null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    show(main, 'Something went wrong', problemBox(error));
  }
}

function signedIn(answer) {
  Object.assign(session, { csrf: answer.csrf, csrfHeader: answer.csrfHeader, subject: answer.subject, traceUrl: answer.traceUrl });
  document.getElementById('subject').textContent = `Signed in as ${answer.subject}`;
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
}

function signedOut() {
  Object.assign(session, { csrf: null, subject: null });
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
}

function signInPage(message) {
  const token = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'current-password', required: true, spellcheck: 'false' });
  const error = h('div', { class: 'alert-slot' });
  if (message) error.append(h('p', { class: 'notice', role: 'status' }, message));
  if (signInError && !message) error.append(h('div', { class: 'problem', role: 'alert' }, h('strong', {}, 'Sign-in failed'), ' ', signInError));
  const idp = signInOptions.idp
    ? h('p', {}, h('a', { class: 'button primary', href: signInOptions.idpUrl }, `Sign in with ${signInOptions.idp}`))
    : null;
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', {
    class: 'card narrow',
    onsubmit: async event => {
      event.preventDefault();
      button.disabled = true;
      error.replaceChildren();
      try {
        signedIn(await api('POST', '/console/session', { token: token.value }));
        token.value = '';
        await route();
      } catch (failure) {
        if (!(failure instanceof ApiError)) throw failure;
        error.replaceChildren(problemBox(failure));
        token.select();
      } finally {
        button.disabled = false;
      }
    },
  },
  h('label', { for: 'token' }, 'Admin token'),
  token,
  h('p', { class: 'hint' }, 'The token whose SHA-256 is Gatehouse:AdminTokenSha256. It is exchanged for a session cookie and not kept by the page.'),
  button);
  if (!signInOptions.adminToken) {
    show(main, 'Sign in', h('div', { class: 'card narrow' }, idp ?? h('p', {}, 'This console has no way to sign in configured.'), error));
    return;
  }
  form.append(error);
  show(main, 'Sign in', ...(idp ? [h('div', { class: 'card narrow' }, idp), form] : [form]));
  token.focus();
}

document.getElementById('signout').addEventListener('click', async () => {
  try { await api('DELETE', '/console/session'); } catch (error) { if (!(error instanceof ApiError)) throw error; }
  signedOut();
  if (leave) { leave(); leave = null; }
  signInPage('Signed out.');
});

window.addEventListener('gatehouse:signed-out', () => {
  if (!session.csrf) return;
  signedOut();
  if (leave) { leave(); leave = null; }
  signInPage('Your session has ended; sign in again.');
});
window.addEventListener('hashchange', route);
// The skip link moves focus, not the route: following its href (#main) would change the fragment the pages are routed by.
document.querySelector('.skip').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});

try {
  signedIn(await api('GET', '/console/session'));
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  if (error.problem.signIn) signInOptions = error.problem.signIn;
}
await route();
