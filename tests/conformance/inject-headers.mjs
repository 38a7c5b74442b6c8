// Preloaded into the conformance CLI (node --import) by run.sh when --header or --token is given:
// the CLI has no option to send a header, and Gatehouse requires Authorization: Bearer <token>.
//
// Every request the suite makes goes through undici's global dispatcher: the MCP client and its raw
// fetch() calls (Node's fetch uses the same global dispatcher) and undici.request() of the DNS
// rebinding scenario. An interceptor adds the headers to requests for the target origin only, after
// the suite has logged what it sent, so the values never appear in its output.
//
// Environment: CONFORMANCE_INJECT_HEADERS = JSON object of header name -> value;
//              CONFORMANCE_TARGET_ORIGIN  = the origin (scheme://host:port) of the server under test.
import { getGlobalDispatcher, setGlobalDispatcher } from 'undici';

const extra = Object.entries(JSON.parse(process.env.CONFORMANCE_INJECT_HEADERS ?? '{}'));
const target = process.env.CONFORMANCE_TARGET_ORIGIN;

function toObject(headers) {
  const result = {};
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) result[String(headers[i])] = headers[i + 1];
  } else if (headers && typeof headers[Symbol.iterator] === 'function') {
    for (const [name, value] of headers) result[name] = value;
  } else if (headers) {
    Object.assign(result, headers);
  }
  return result;
}

function withExtraHeaders(headers) {
  const result = toObject(headers);
  for (const [name, value] of extra) {
    for (const existing of Object.keys(result)) {
      if (existing.toLowerCase() === name.toLowerCase()) delete result[existing];
    }
    result[name] = value;
  }
  return result;
}

const inject = (dispatch) => (options, handler) => {
  const origin = options.origin === undefined ? undefined : new URL(String(options.origin)).origin;
  return origin === target ? dispatch({ ...options, headers: withExtraHeaders(options.headers) }, handler) : dispatch(options, handler);
};

if (extra.length > 0 && target) {
  setGlobalDispatcher(getGlobalDispatcher().compose(inject));
}
