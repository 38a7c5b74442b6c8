// Small helpers shared by the pages: building elements (never from HTML strings: arguments come from agents),
// calling the admin API with the session's anti-forgery token, and showing problems.

export const session = { csrf: null, csrfHeader: 'X-Gatehouse-Csrf', subject: null, traceUrl: null };

/** h('tag', {attr: value, onclick: fn}, ...children): an element; strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.message ?? `The replica answered ${status}.`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/** Calls the admin API (or the console's own routes); a non-2xx answer throws an ApiError carrying the problem. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session.csrf) headers[session.csrfHeader] = session.csrf;
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)) });
  } catch (error) {
    throw new ApiError(0, { detail: `The replica cannot be reached (${error.message}).` });
  }
  const text = await response.text();
  let json = null;
  if (text.length > 0) {
    try { json = JSON.parse(text); } catch { json = { detail: text }; }
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/console/session') window.dispatchEvent(new CustomEvent('gatehouse:signed-out'));
    throw new ApiError(response.status, json);
  }
  return json;
}

/**
 * An error as one alert, with what explains it (e.g. the list of faults) inside, so a screen reader announces it once.
 * The slots it is put in are plain containers: an alert inside an alert would be announced twice.
 */
export function problemBox(error, ...details) {
  return h('div', { class: 'problem', role: 'alert' }, h('strong', {}, error.problem?.title ?? 'Error'), ' ', error.message, ...details);
}

export function announce(text) {
  const status = document.getElementById('status');
  status.textContent = text;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { status.textContent = ''; }, 6000);
}

export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return h('time', { datetime: date.toISOString(), title: date.toISOString() }, date.toLocaleString());
}

export function json(value) {
  return h('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

export function badge(text, kind) {
  return h('span', { class: `badge ${kind ?? text ?? ''}` }, text ?? '—');
}

export function table(caption, headings, rows) {
  return h('div', { class: 'scroll' },
    h('table', {},
      h('caption', { class: caption.visible ? '' : 'sr-only' }, caption.text ?? caption),
      h('thead', {}, h('tr', {}, headings.map(heading => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows)));
}

/** Replaces the page's content and moves focus to its heading, so screen readers hear the new page. */
export function show(main, title, ...content) {
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content);
  document.title = `${title} · Gatehouse console`;
  heading.focus({ preventScroll: true });
}

export async function upstreamNames() {
  const cluster = await api('GET', '/admin/cluster');
  return cluster.upstreams.map(upstream => upstream.name);
}
