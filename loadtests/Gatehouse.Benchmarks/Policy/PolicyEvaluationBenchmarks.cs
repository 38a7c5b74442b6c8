using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Gatehouse.Policy;

namespace Gatehouse.Benchmarks.Policy;

/// <summary>The pure policy decision for one <c>tools/call</c>: from the least a policy asks to the most.</summary>
public class PolicyEvaluationBenchmarks
{
    private const string Document = """
        {
          "version": "bench",
          "default": "deny",
          "all_tools": { "limits": [ { "counter": "total", "window": "hour", "max": 500, "scope": "grant" } ] },
          "tools": {
            "echo": { "arguments": { "type": "object", "properties": { "message": { "type": "string", "maxLength": 200 } } } },
            "add": { "limits": [ { "counter": "adds", "window": "minute", "max": 10, "scope": "grant" } ] },
            "get-env": { "action": "deny", "reason": "exposes server secrets" },
            "transfer": {
              "require": ["amount", "to"],
              "deny_if": [ { "arg": "to", "in": ["acct-000", "acct-666"], "reason": "frozen account" },
                           { "arg": "memo", "regex": "(?i)drop\\s+table" } ],
              "arguments": { "type": "object", "properties": { "amount": { "type": "number", "minimum": 0 }, "to": { "type": "string" } } },
              "limits": [ { "counter": "spend", "window": "day", "max": 5000, "scope": "grant", "increment_from": "args.amount" } ]
            }
          }
        }
        """;

    private PolicyDocument _allowAll = null!;
    private PolicyDocument _policy = null!;
    private JsonDocument _echo = null!;
    private JsonDocument _add = null!;
    private JsonDocument _transfer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _allowAll = PolicyParser.Parse("""{ "version": "allow-all", "default": "allow" }""").Policy!;
        _policy = PolicyParser.Parse(Document).Policy ?? throw new InvalidOperationException("the benchmark policy is invalid");
        _echo = JsonDocument.Parse("""{ "message": "hello" }""");
        _add = JsonDocument.Parse("""{ "a": 2, "b": 3 }""");
        _transfer = JsonDocument.Parse("""{ "amount": 125.5, "to": "acct-42", "memo": "rent for march" }""");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _echo.Dispose();
        _add.Dispose();
        _transfer.Dispose();
    }

    /// <summary>Allow-all policy, tool not listed: the least there is to decide.</summary>
    [Benchmark(Baseline = true)]
    public Evaluation AllowAll() => PolicyEvaluator.Evaluate(_allowAll, "echo", _echo.RootElement);

    /// <summary>A listed tool with its own limit and the all-tools limit: two charges.</summary>
    [Benchmark]
    public Evaluation ToolWithLimits() => PolicyEvaluator.Evaluate(_policy, "add", _add.RootElement);

    /// <summary>An argument schema (JSON Schema) to validate.</summary>
    [Benchmark]
    public Evaluation ArgumentSchema() => PolicyEvaluator.Evaluate(_policy, "echo", _echo.RootElement);

    /// <summary>require, deny_if (in, regex), a schema and a spend cap from an argument: the most a rule asks.</summary>
    [Benchmark]
    public Evaluation EveryCheck() => PolicyEvaluator.Evaluate(_policy, "transfer", _transfer.RootElement);

    /// <summary>A denied tool: refused before any argument is read.</summary>
    [Benchmark]
    public Evaluation Denied() => PolicyEvaluator.Evaluate(_policy, "get-env", _echo.RootElement);
}
