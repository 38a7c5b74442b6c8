// An agent on the official TypeScript SDK that starts a tool call and cancels it (notifications/cancelled),
// spreading its requests round-robin over several Gatehouse replicas. It moves on signals on standard
// input, never after a delay, so a test decides when the call is running and when the cancellation arrived:
//
//   node ts-cancel-agent.mjs --urls URL1,URL2,... --token TOKEN --tool NAME --args JSON
//
// 1. connects and starts the call, then prints {"calling":true};
// 2. on the line "cancel" aborts the call (the SDK sends notifications/cancelled), waits until that POST
//    is answered, and prints {"cancelled":true|false,"perReplica":{...}};
// 3. on the line "end" (or the end of standard input) ends the session and exits.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { roundRobin } from "./round-robin.mjs";

const { values: options } = parseArgs({
  options: { urls: { type: "string" }, token: { type: "string" }, tool: { type: "string" }, args: { type: "string", default: "{}" } },
});
const urls = options.urls.split(",").map((u) => new URL(u));
const cancellations = [];
const { fetch: roundRobinFetch, perReplica } = roundRobin(urls, (sent, init) => {
  if (typeof init?.body === "string" && init.body.includes("notifications/cancelled")) {
    cancellations.push(sent.catch(() => {}));
  }
});

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const nextLine = async () => (await lines.next()).value;

const client = new Client({ name: "ts-cancel-agent", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(urls[0], { fetch: roundRobinFetch, requestInit: { headers: { Authorization: `Bearer ${options.token}` } } });
await client.connect(transport);
const abort = new AbortController();
const call = client.callTool({ name: options.tool, arguments: JSON.parse(options.args) }, undefined, { signal: abort.signal, timeout: 600_000 })
  .then(() => false, () => true);
console.log(JSON.stringify({ calling: true }));

while ((await nextLine()) !== "cancel") { /* wait for the test to see the call running upstream */ }
abort.abort("the agent changed its mind");
const cancelled = await call;
// The SDK sends notifications/cancelled without waiting for it: wait until the gateway has answered that POST.
await Promise.all(cancellations);
console.log(JSON.stringify({ cancelled, perReplica }));

while (![undefined, "end"].includes(await nextLine())) { /* the session stays open until the test saw the upstream cancel */ }
await transport.terminateSession().catch(() => {});
process.exit(0);
