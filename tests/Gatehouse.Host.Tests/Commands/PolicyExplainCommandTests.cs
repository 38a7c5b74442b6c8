using Gatehouse.Host.Commands;

namespace Gatehouse.Host.Tests.Commands;

public sealed class PolicyExplainCommandTests : IDisposable
{
    private const string FilesPolicy = """
        { "version": "3", "default": "deny",
          "risk_defaults": { "low": "allow", "high": "approve" },
          "all_tools": { "limits": [ { "counter": "files_total", "window": "hour", "max": 500 } ] },
          "tools": {
            "read_media_file": { "action": "hide" },
            "get-env": { "action": "deny", "reason": "exposes server secrets" },
            "transfer": {
              "require": ["amount", "to"],
              "limits": [ { "counter": "spend", "window": "day", "max": 5000, "increment_from": "args.amount" },
                          { "counter": "transfers", "window": 90, "max": 3, "scope": "session", "algorithm": "sliding" },
                          { "counter": "all_transfers", "window": "minute", "max": 100, "scope": "global", "algorithm": "token_bucket" } ]
            },
            "deleteAll": { "action": "approve", "approval": { "timeout": 120, "by": "user" } }
          } }
        """;

    private const string WriteFileAnnotations = """{ "readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false }""";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gatehouse-explain-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void High_risk_unlisted_tool_is_held_by_its_risk_default_and_priced()
    {
        var (exitCode, output, error) = Run(
            "--policy", Policy(FilesPolicy), "--tool", "write_file", "--args", """{ "path": "/srv/a.txt", "content": "hi" }""",
            "--grant", "ci-agent", "--upstream", "files", "--annotations", WriteFileAnnotations);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Equal(
            """
            decision: approve
            rule:     /risk_defaults/high
            message:  Held until an operator approves it; refused as approval_timeout after 300 s.
            risk:     write, high (destructiveHint=true)
            limits:   would spend 1 on counter files_total (grant-scoped; 500 per hour, fixed; key grant:ci-agent/files/files_total) [/all_tools/limits/0]
            note:     limits are priced, not checked: whether a counter has room depends on its live window.

            """.ReplaceLineEndings(),
            output);
    }

    [Fact]
    public void Without_annotations_the_risk_is_unknown_and_the_default_decides()
    {
        var (exitCode, output, _) = Run("--policy", Policy(FilesPolicy), "--tool", "write_file", "--args", "{}");

        Assert.Equal(1, exitCode);
        Assert.Contains("decision: deny", output, StringComparison.Ordinal);
        Assert.Contains("rule:     /default", output, StringComparison.Ordinal);
        Assert.Contains("message:  Tool 'write_file' is not allowed by policy (default: deny)", output, StringComparison.Ordinal);
        Assert.Contains("risk:     not classified", output, StringComparison.Ordinal);
        Assert.DoesNotContain("limits:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Description_alone_classifies_the_tool()
    {
        var (exitCode, output, _) = Run("--policy", Policy(FilesPolicy), "--tool", "stat_thing", "--description", "Returns facts about a thing.");

        Assert.Equal(0, exitCode);
        Assert.Contains("decision: allow", output, StringComparison.Ordinal);
        Assert.Contains("rule:     /risk_defaults/low", output, StringComparison.Ordinal);
        Assert.Contains("message:  Tool 'stat_thing' is not listed; risk_defaults.low allows it.", output, StringComparison.Ordinal);
        Assert.Contains("risk:     read, low (name starts with 'stat')", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Spend_limit_is_priced_from_the_argument_in_every_scope()
    {
        var (exitCode, output, _) = Run("--policy", Policy(FilesPolicy), "--tool", "transfer", "--args", """{ "amount": 25, "to": "acct-1" }""", "--grant", "g1");

        Assert.Equal(0, exitCode);
        Assert.Contains("message:  Tool 'transfer' is allowed by its rule.", output, StringComparison.Ordinal);
        Assert.Contains("would spend 1 on counter files_total (grant-scoped; 500 per hour, fixed; key grant:g1/{upstream}/files_total) [/all_tools/limits/0]", output, StringComparison.Ordinal);
        Assert.Contains("would spend 25 on counter spend (grant-scoped; 5000 per day, fixed; key grant:g1/{upstream}/spend) [/tools/transfer/limits/0]", output, StringComparison.Ordinal);
        Assert.Contains("would spend 1 on counter transfers (session-scoped; 3 per 90 s, sliding; key session:{session}/{upstream}/transfers) [/tools/transfer/limits/1]", output, StringComparison.Ordinal);
        Assert.Contains("would spend 1 on counter all_transfers (global; 100 per minute, token_bucket; key global/{upstream}/all_transfers) [/tools/transfer/limits/2]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_argument_is_invalid_arguments_with_exit_code_1()
    {
        var (exitCode, output, _) = Run("--policy", Policy(FilesPolicy), "--tool", "transfer", "--args", """{ "to": "acct-1" }""");

        Assert.Equal(1, exitCode);
        Assert.Contains("decision: invalid_arguments", output, StringComparison.Ordinal);
        Assert.Contains("rule:     /tools/transfer/require", output, StringComparison.Ordinal);
        Assert.Contains("missing: amount", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Denied_tool_tells_its_reason_with_exit_code_1()
    {
        var (exitCode, output, _) = Run("--policy", Policy(FilesPolicy), "--tool", "get-env");

        Assert.Equal(1, exitCode);
        Assert.StartsWith(
            "decision: deny" + Environment.NewLine + "rule:     /tools/get-env/action" + Environment.NewLine
            + "message:  Tool 'get-env' is denied by policy: exposes server secrets",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_tool_is_hidden_with_exit_code_1()
    {
        var (exitCode, output, _) = Run("--policy", Policy(FilesPolicy), "--tool", "read_media_file");

        Assert.Equal(1, exitCode);
        Assert.Contains("decision: hidden", output, StringComparison.Ordinal);
        Assert.Contains("rule:     /tools/read_media_file/action", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_tool_names_who_decides_and_the_timeout()
    {
        var (exitCode, output, _) = Run("--policy", Policy(FilesPolicy), "--tool", "deleteAll", "--args", "null");

        Assert.Equal(0, exitCode);
        Assert.Contains("message:  Held until the user approves it; refused as approval_timeout after 120 s.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_policy_prints_each_fault_with_exit_code_2()
    {
        var file = Policy("""{ "version": "1", "default": "maybe", "risk_defaults": { "extreme": "deny" } }""");

        var (exitCode, output, error) = Run("--policy", file, "--tool", "echo");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"{file}: default: must be 'allow' or 'deny', found 'maybe'", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: risk_defaults.extreme: unknown risk level 'extreme'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_policy_file_is_exit_code_2()
    {
        var (exitCode, _, error) = Run("--policy", Path.Combine(_folder.FullName, "absent.json"), "--tool", "echo");

        Assert.Equal(2, exitCode);
        Assert.Contains("absent.json: file not found", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown option '--tol'", "--policy", "P", "--tol", "echo")]
    [InlineData("--tool is required", "--policy", "P")]
    [InlineData("--policy is required", "--tool", "echo")]
    [InlineData("--args needs a value", "--policy", "P", "--tool", "echo", "--args")]
    [InlineData("--tool is given twice", "--policy", "P", "--tool", "echo", "--tool", "sum")]
    [InlineData("--args must be a JSON object", "--policy", "P", "--tool", "echo", "--args", "[1]")]
    [InlineData("policy explain: ", "--policy", "P", "--tool", "echo", "--args", "{ nope")]
    [InlineData("annotations.readOnlyHint must be a boolean, found string", "--policy", "P", "--tool", "echo", "--annotations", """{ "readOnlyHint": "yes" }""")]
    public void Bad_arguments_print_the_problem_and_usage_with_exit_code_2(string problem, params string[] args)
    {
        var file = Policy(FilesPolicy);

        var (exitCode, output, error) = Run([.. args.Select(arg => arg == "P" ? file : arg)]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.TryRunAsync(["policy", "explain", .. args], output, error).GetAwaiter().GetResult();
        return (exitCode ?? throw new InvalidOperationException("policy explain was taken for serving"), output.ToString(), error.ToString());
    }

    private string Policy(string json)
    {
        var path = Path.Combine(_folder.FullName, $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
