// Starts @modelcontextprotocol/server-everything's Streamable HTTP transport on 127.0.0.1:$PORT, path /mcp;
// with TRANSPORT=sse, its legacy HTTP+SSE transport instead (GET /sse opens a session, POST /message?sessionId=…).
//
// The package's transport calls express `app.listen(PORT)`, which binds every interface. Our servers
// bind loopback only, so before the package is loaded every net.Server listen call is rewritten to
// bind 127.0.0.1 (Unix sockets and inherited handles are left alone).
//
// Usage: PORT=3001 [TRANSPORT=sse] node everything-http.mjs
import net from "node:net";

const LOOPBACK = "127.0.0.1";

if (!process.env.PORT) {
  console.error("everything-http: set PORT to the port to listen on");
  process.exit(2);
}

/** Rewrites the arguments of one listen call so that a TCP listener binds LOOPBACK. */
function loopbackOnly(args) {
  const [first] = args;
  const callback = typeof args.at(-1) === "function" ? args.at(-1) : undefined;
  const withCallback = (options) => (callback ? [options, callback] : [options]);

  if (first !== null && typeof first === "object") {
    // listen(options[, cb]) or listen(handle[, backlog][, cb]): only a TCP options object gets a host.
    const isTcpOptions = !("path" in first) && !("fd" in first) && !("handle" in first) && !("_handle" in first);
    return isTcpOptions ? [{ ...first, host: LOOPBACK }, ...args.slice(1)] : args;
  }

  if (typeof first === "string" && !/^\d+$/.test(first)) {
    return args; // listen(path[, backlog][, cb]): a Unix socket or named pipe.
  }

  // listen([port[, host[, backlog]]][, cb]); a port given as a digit string comes from the environment.
  const port = first === undefined || typeof first === "function" ? 0 : Number(first);
  const rest = args.slice(1).filter((arg) => typeof arg !== "function");
  const backlog = rest.find((arg) => typeof arg === "number");
  return withCallback(backlog === undefined ? { port, host: LOOPBACK } : { port, host: LOOPBACK, backlog });
}

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  return originalListen.apply(this, loopbackOnly(args));
};

// Imported only now, so that its app.listen goes through the patch above. These are the modules that
// the package's dist/index.js imports for its "streamableHttp" and "sse" arguments.
const transport = process.env.TRANSPORT ?? "streamableHttp";
if (transport !== "streamableHttp" && transport !== "sse") {
  console.error(`everything-http: TRANSPORT must be streamableHttp or sse, not ${transport}`);
  process.exit(2);
}

await import(`@modelcontextprotocol/server-everything/dist/transports/${transport}.js`);
