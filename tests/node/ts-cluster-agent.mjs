// An agent on the official TypeScript SDK that spreads its requests round-robin over several Gatehouse
// replicas (no sticky routing) and exercises what flows from the upstream back to the agent: sampling,
// elicitation and roots requests, progress, logging, resource-update notifications, and cancellation.
//
//   node ts-cluster-agent.mjs --urls URL1,URL2,URL3 --token TOKEN
//
// Prints one JSON line: what each step saw, and how many requests each replica received.
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { roundRobin } from "./round-robin.mjs";
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";

const { values: options } = parseArgs({ options: { urls: { type: "string" }, token: { type: "string" } } });
const urls = options.urls.split(",").map((u) => new URL(u));
const { fetch: roundRobinFetch, perReplica } = roundRobin(urls);

const seen = { sampling: 0, elicitation: 0, roots: 0, logs: [], updates: [] };
const client = new Client(
  { name: "ts-cluster-agent", version: "1.0.0" },
  { capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } } },
);
client.setRequestHandler(CreateMessageRequestSchema, async () => {
  seen.sampling++;
  return { role: "assistant", content: { type: "text", text: "sampled by the agent" }, model: "test-model", stopReason: "endTurn" };
});
client.setRequestHandler(ElicitRequestSchema, async () => {
  seen.elicitation++;
  return { action: "accept", content: { name: "Ada Lovelace", check: true } };
});
client.setRequestHandler(ListRootsRequestSchema, async () => {
  seen.roots++;
  return { roots: [{ uri: "file:///srv/gatehouse-root", name: "gatehouse-root" }] };
});
client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => { seen.logs.push(n.params); });
client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => { seen.updates.push(n.params.uri); });

const text = (result) => (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
// Waits for what the upstream sends on its own schedule; the ceiling only catches a hang (the test waits for the
// whole script longer, so a step that hangs is reported with what the script saw).
const ceilingMs = 60_000;
const waitFor = async (condition) => {
  const deadline = Date.now() + ceilingMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return condition();
};

const out = {};
// Each step is logged to standard error as it starts, so a test that gives up shows where it waited.
const step = (name) => console.error(`${new Date().toISOString()} step: ${name}`);
try {
  const transport = new StreamableHTTPClientTransport(urls[0], {
    fetch: roundRobinFetch,
    requestInit: { headers: { Authorization: `Bearer ${options.token}` } },
  });
  step("connect");
  await client.connect(transport);
  out.tools = (await client.listTools()).tools.map((t) => t.name);

  const bounded = { timeout: ceilingMs };
  step("sampling");
  out.sampling = text(await client.callTool({ name: "trigger-sampling-request", arguments: { prompt: "hello", maxTokens: 20 } }, undefined, bounded));
  step("elicitation");
  out.elicitation = text(await client.callTool({ name: "trigger-elicitation-request", arguments: {} }, undefined, bounded));
  step("roots");
  out.roots = text(await client.callTool({ name: "get-roots-list", arguments: {} }, undefined, bounded));

  step("long-running");
  const progress = [];
  out.longRunning = text(await client.callTool(
    { name: "trigger-long-running-operation", arguments: { duration: 1, steps: 3 } },
    undefined,
    { onprogress: (p) => progress.push(p.progress), timeout: ceilingMs },
  ));
  out.progress = progress;

  step("subscribe and log");
  await client.setLoggingLevel("debug");
  await client.subscribeResource({ uri: "demo://resource/static/document/architecture.md" });
  await client.callTool({ name: "toggle-subscriber-updates", arguments: {} });
  await client.callTool({ name: "toggle-simulated-logging", arguments: {} });
  step("wait for update");
  out.updated = await waitFor(() => seen.updates.length > 0);
  step("wait for log");
  out.logged = await waitFor(() => seen.logs.length > 0);
  await client.callTool({ name: "toggle-subscriber-updates", arguments: {} });
  await client.callTool({ name: "toggle-simulated-logging", arguments: {} });

  step("cancel");
  // Cancelled once the upstream reports the operation running (its first progress), never after a delay.
  const abort = new AbortController();
  const cancelled = client.callTool(
    { name: "trigger-long-running-operation", arguments: { duration: 60, steps: 60 } },
    undefined,
    { signal: abort.signal, timeout: ceilingMs, onprogress: () => abort.abort("the agent changed its mind") },
  );
  out.cancelled = await cancelled.then(() => false, (e) => String(e?.message ?? e).length > 0);
  step("after cancel");
  out.afterCancel = text(await client.callTool({ name: "echo", arguments: { message: "still here" } }));

  await transport.terminateSession();
  await client.close();
} catch (error) {
  out.error = String(error?.stack ?? error);
}
out.seen = { sampling: seen.sampling, elicitation: seen.elicitation, roots: seen.roots, logs: seen.logs.length, updates: seen.updates.length };
out.perReplica = perReplica;
console.log(JSON.stringify(out));
process.exit(out.error ? 1 : 0);
