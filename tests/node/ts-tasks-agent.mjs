// An agent on the official TypeScript SDK that uses tasks (2025-11-25): task-augmented tool calls of
// server-everything's simulate-research-query, polled to their end, one of them asking the agent to clarify
// (an elicitation delivered through tasks/result), waits for the upstream's status notifications, then tasks/list,
// tasks/get and tasks/cancel. Its requests
// go round-robin over several Gatehouse replicas (no sticky routing).
//
//   node ts-tasks-agent.mjs --urls URL1,URL2,URL3 --token TOKEN [--tool NAME]
//
// --tool names the research tool as the endpoint lists it (on the aggregate /mcp: tasks__simulate-research-query).
//
// Prints one JSON line: what each step saw, and how many requests each replica received. The session is left
// open (its upstream session holds the tasks), so the test can try the task ids as another caller.
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { roundRobin } from "./round-robin.mjs";
import { ElicitRequestSchema, TaskStatusNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const { values: options } = parseArgs({ options: { urls: { type: "string" }, token: { type: "string" }, tool: { type: "string", default: "simulate-research-query" } } });
const urls = options.urls.split(",").map((u) => new URL(u));
const { fetch: roundRobinFetch, perReplica } = roundRobin(urls);

const elicited = [];
const client = new Client({ name: "ts-tasks-agent", version: "1.0.0" }, { capabilities: { elicitation: {} } });
client.setRequestHandler(ElicitRequestSchema, async (request) => {
  elicited.push(request.params.message);
  return { action: "accept", content: { interpretation: "the programming language" } };
});

// The upstream's status notifications of each task, as they reach the agent's stream.
const notified = [];
client.setNotificationHandler(TaskStatusNotificationSchema, (n) => { notified.push(`${n.params.taskId}:${n.params.status}`); });

const text = (result) => (result?.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
const step = (name) => console.error(`${new Date().toISOString()} step: ${name}`);
const bounded = { timeout: 60_000 };
// Waits for what the upstream sends on its own schedule; the ceiling only catches a hang.
const waitFor = async (condition) => {
  const deadline = Date.now() + 60_000;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return condition();
};

/** Runs one task-augmented call to its end: the kinds of message seen, the task's id and statuses, and the result's text. */
async function runTask(args) {
  const seen = { types: [], statuses: [] };
  for await (const message of client.experimental.tasks.callToolStream({ name: options.tool, arguments: args }, undefined, bounded)) {
    seen.types.push(message.type);
    if (message.type === "taskCreated") seen.taskId = message.task.taskId;
    if (message.type === "taskStatus") seen.statuses.push(message.task.status);
    if (message.type === "result") seen.text = text(message.result);
    if (message.type === "error") seen.error = String(message.error?.message ?? message.error);
  }
  return seen;
}

const out = {};
try {
  const transport = new StreamableHTTPClientTransport(urls[0], {
    fetch: roundRobinFetch,
    requestInit: { headers: { Authorization: `Bearer ${options.token}` } },
  });
  step("connect");
  await client.connect(transport);
  out.sessionId = transport.sessionId;
  out.capability = client.getServerCapabilities()?.tasks ?? null;
  const tools = (await client.listTools()).tools;
  out.taskSupport = tools.find((t) => t.name === options.tool)?.execution?.taskSupport ?? null;

  step("plain task");
  out.plain = await runTask({ topic: "gateways" });
  step("task that asks");
  out.asking = await runTask({ topic: "python", ambiguous: true });
  out.elicited = elicited;

  step("status notifications");
  out.notifiedCompleted = await waitFor(() => notified.includes(`${out.plain.taskId}:completed`));
  out.notified = notified;

  step("list");
  out.listed = (await client.experimental.tasks.listTasks(undefined, bounded)).tasks.map((t) => t.taskId);
  step("get");
  out.got = (await client.experimental.tasks.getTask(out.plain.taskId, bounded)).status;

  step("cancel");
  // A task cancelled while it works: its id comes with the first message, and the stream is left there.
  const stream = client.experimental.tasks.callToolStream({ name: options.tool, arguments: { topic: "patience" } }, undefined, bounded);
  const first = await stream.next();
  out.cancelledId = first.value?.task?.taskId ?? null;
  out.cancel = (await client.experimental.tasks.cancelTask(out.cancelledId, bounded)).status;
  out.afterCancel = (await client.experimental.tasks.getTask(out.cancelledId, bounded)).status;
} catch (error) {
  out.error = String(error?.stack ?? error);
}
out.perReplica = perReplica;
console.log(JSON.stringify(out));
process.exit(out.error ? 1 : 0);
