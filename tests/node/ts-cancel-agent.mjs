// An agent on the official TypeScript SDK that starts a tool call and cancels it (notifications/cancelled),
// spreading its requests round-robin over several Gatehouse replicas.
//
//   node ts-cancel-agent.mjs --urls URL1,URL2,... --token TOKEN --tool NAME --args JSON --after MS
//
// Prints one JSON line: {"cancelled":true|false,"perReplica":{...}}.
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const { values: options } = parseArgs({
  options: { urls: { type: "string" }, token: { type: "string" }, tool: { type: "string" }, args: { type: "string", default: "{}" }, after: { type: "string", default: "500" } },
});
const urls = options.urls.split(",").map((u) => new URL(u));
const perReplica = Object.fromEntries(urls.map((u) => [u.origin, 0]));
let next = 0;
const roundRobin = (input, init) => {
  const original = new URL(input instanceof URL || typeof input === "string" ? input : input.url);
  const target = urls[next++ % urls.length];
  perReplica[target.origin]++;
  return fetch(new URL(original.pathname + original.search, target.origin), init);
};

const client = new Client({ name: "ts-cancel-agent", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(urls[0], { fetch: roundRobin, requestInit: { headers: { Authorization: `Bearer ${options.token}` } } });
await client.connect(transport);
const abort = new AbortController();
setTimeout(() => abort.abort("the agent changed its mind"), Number(options.after));
const cancelled = await client.callTool({ name: options.tool, arguments: JSON.parse(options.args) }, undefined, { signal: abort.signal })
  .then(() => false, () => true);
// Give the cancellation notice (a POST of its own) time to be sent before the session ends.
await new Promise((r) => setTimeout(r, 300));
await transport.terminateSession().catch(() => {});
console.log(JSON.stringify({ cancelled, perReplica }));
process.exit(0);
