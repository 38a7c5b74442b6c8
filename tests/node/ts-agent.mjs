// A small MCP agent built on the official TypeScript SDK, for the end-to-end tests.
//
//   node ts-agent.mjs --url URL [--token TOKEN | --client-id ID --client-secret SECRET --expected-issuer URL] --tool NAME [--args JSON] [--progress] [--timeout MS]
//
// Connects over Streamable HTTP (sending "Authorization: Bearer TOKEN" when a token is given; with a client id
// and secret, the SDK's OAuth client-credentials flow discovers the authorization server from the 401), lists
// the tools, calls one, and prints exactly one JSON line on stdout:
//   {"tools":[names…],"result":<CallToolResult>[,"progress":[<notification params>…]]}   exit code 0
//   {"error":"message"[,"code":<JSON-RPC error code or HTTP status>]}                       exit code 1
// A tool that fails with isError is a result, not an error. Diagnostics go to stderr.
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ClientCredentialsProvider } from "@modelcontextprotocol/sdk/client/auth-extensions.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

// stdout carries the single answer line: anything a library logs goes to stderr instead.
console.log = console.info = console.debug = console.error;

function answer(line, exitCode) {
  process.stdout.write(`${JSON.stringify(line)}\n`, () => process.exit(exitCode));
}

function parseCommandLine() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      token: { type: "string" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "expected-issuer": { type: "string" },
      tool: { type: "string" },
      args: { type: "string", default: "{}" },
      progress: { type: "boolean", default: false },
      timeout: { type: "string" },
    },
    strict: true,
  });
  if (!values.url || !values.tool) {
    throw new Error("usage: ts-agent.mjs --url URL [--token TOKEN | --client-id ID --client-secret SECRET --expected-issuer URL] --tool NAME [--args JSON] [--progress] [--timeout MS]");
  }
  const toolArgs = JSON.parse(values.args);
  if (toolArgs === null || typeof toolArgs !== "object" || Array.isArray(toolArgs)) {
    throw new Error("--args must be a JSON object");
  }
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) {
    throw new Error("--timeout must be a positive number of milliseconds");
  }
  return { ...values, toolArgs, timeout };
}

async function listAllTools(client, timeoutOptions) {
  const names = [];
  let cursor;
  do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor }, timeoutOptions);
    names.push(...page.tools.map((tool) => tool.name));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return names;
}

async function run(options) {
  const headers = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  const authProvider = options["client-id"]
    ? new ClientCredentialsProvider({
        clientId: options["client-id"],
        clientSecret: options["client-secret"],
        expectedIssuer: options["expected-issuer"],
      })
    : undefined;
  const transport = new StreamableHTTPClientTransport(new URL(options.url), { requestInit: { headers }, authProvider });
  const client = new Client({ name: "gatehouse-ts-agent", version: "1.0.0" });
  // --timeout bounds every request (initialize and the listing too), not only the call.
  const timeoutOptions = options.timeout === undefined ? {} : { timeout: options.timeout };
  await client.connect(transport, timeoutOptions);
  try {
    const tools = await listAllTools(client, timeoutOptions);
    const progress = [];
    const requestOptions = {
      ...timeoutOptions,
      ...(options.progress ? { onprogress: (params) => progress.push(params) } : {}),
    };
    const result = await client.callTool({ name: options.tool, arguments: options.toolArgs }, undefined, requestOptions);
    return options.progress ? { tools, result, progress } : { tools, result };
  } finally {
    // End the session politely (DELETE); a server without sessions or one that refuses is no failure.
    await transport.terminateSession().catch(() => {});
    await client.close().catch(() => {});
  }
}

try {
  answer(await run(parseCommandLine()), 0);
} catch (error) {
  const line = { error: error instanceof Error ? error.message : String(error) };
  if (typeof error?.code === "number") {
    line.code = error.code;
  }
  answer(line, 1);
}
