# Breaks a `perf script -F tid,ip,sym,dso` of one .NET process down by module (the frame on the CPU)
# and by component (anywhere on the stack; async stacks end at the await, so these are lower bounds).
import re, sys, collections
text = open(sys.argv[1]).read()
blocks = [b for b in text.split("\n\n") if b.strip()]
asm_re = re.compile(r"\[([A-Za-z0-9_.]+)\] ")
def module(line):
    if "[kernel.kallsyms]" in line: return "kernel"
    if "libclrjit.so" in line: return "JIT (libclrjit)"
    if "libcoreclr.so" in line: return "runtime (libcoreclr: GC, type system, stubs)"
    if "libc.so" in line or "ld-linux" in line: return "libc"
    if "libe_sqlite3" in line: return "SQLite (native)"
    if "libcrypto" in line or "OpenSsl" in line: return "OpenSSL"
    if "libSystem.Native" in line: return "System.Native"
    m = asm_re.search(line)
    if m: return m.group(1)
    if "perf-" in line: return "managed (other)"
    if ".dll" in line: return "managed (precompiled, unresolved)"
    return "other"
groups = [
 ("Kestrel (HTTP/1.1 server, sockets)", ("Microsoft.AspNetCore.Server.Kestrel",)),
 ("MCP SDK, server side (Streamable HTTP transport, JSON-RPC session)", ("ModelContextProtocol.AspNetCore", "ModelContextProtocol.Server", "McpServer", "StreamableHttpHandler")),
 ("MCP SDK, client side (to the upstream)", ("ModelContextProtocol.Client", "McpClient", "StreamableHttpClientSessionTransport")),
 ("Gatehouse's own code", ("[gatehouse]", "[Gatehouse.")),
 ("Orleans (grain calls, messaging)", ("[Orleans",)),
 ("System.Text.Json", ("[System.Text.Json]",)),
 ("HttpClient (System.Net.Http)", ("[System.Net.Http]",)),
 ("Logging", ("Microsoft.Extensions.Logging",)),
 ("OpenTelemetry / metrics / activities", ("[OpenTelemetry", "System.Diagnostics.Metrics", "System.Diagnostics.Activity", "DiagnosticSource")),
 ("Dependency injection", ("Microsoft.Extensions.DependencyInjection",)),
 ("Audit log (SQLite)", ("Microsoft.Data.Sqlite", "libe_sqlite3", "SQLitePCL")),
 ("Authentication / authorization", ("Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization")),
 ("JIT", ("libclrjit.so",)),
]
total = 0
excl = collections.Counter()
incl = collections.Counter()
for b in blocks:
    lines = [l for l in b.split("\n")[1:] if l.strip()]
    if not lines: continue
    total += 1
    excl[module(lines[0])] += 1
    stack = "\n".join(lines)
    for name, keys in groups:
        if any(k in stack for k in keys):
            incl[name] += 1
print(f"samples: {total}")
print("\nexclusive (the frame on the CPU), by module:")
for k, v in excl.most_common(18):
    print(f"  {100*v/total:5.1f}%  {k}")
print("\ninclusive (anywhere on the stack):")
for name, _ in groups:
    print(f"  {100*incl[name]/total:5.1f}%  {name}")
