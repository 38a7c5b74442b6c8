using System.Security.Cryptography;
using System.Text;
using Gatehouse.Host.Commands;

namespace Gatehouse.Host.Tests.Commands;

public sealed class CommandLineTests
{
    private static (int? ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.TryRunAsync(args, output, error).GetAwaiter().GetResult();
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--config", "gatehouse.json")]
    [InlineData("--urls", "http://127.0.0.1:8080")]
    [InlineData("--Gatehouse:Cluster:SiloPort=11112", "--urls", "http://127.0.0.1:8080")]
    [InlineData("--Gatehouse:Cluster:SiloPort", "11112", "token")]
    public void Options_without_a_command_mean_serve(params string[] args) => Assert.Null(Run(args).ExitCode);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_prints_the_usage(string flag)
    {
        var (exitCode, output, _) = Run(flag);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("gatehouse [command] [options]", output, StringComparison.Ordinal);
        Assert.Contains("gatehouse [--config PATH] [--urls URL]", output, StringComparison.Ordinal);
        foreach (var command in new[] { "token", "policy", "db", "healthcheck" })
        {
            Assert.Contains($"  {command} ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Token_new_prints_a_token_and_its_sha256()
    {
        var (exitCode, output, _) = Run("token", "new");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var token = lines.Single(l => l.StartsWith("token:", StringComparison.Ordinal))["token:".Length..].Trim();
        var hash = lines.Single(l => l.StartsWith("sha256:", StringComparison.Ordinal))["sha256:".Length..].Trim();
        Assert.StartsWith("gh_", token, StringComparison.Ordinal);
        Assert.True(token.Length >= 40);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), hash);
    }

    [Fact]
    public void Policy_explain_is_routed_from_the_command_line()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var policy = Path.Combine(folder, "policy.json");
            File.WriteAllText(policy, """{ "version": "1", "default": "allow", "tools": { "get-env": { "action": "deny", "reason": "secrets" } } }""");

            var denied = Run("policy", "explain", "--policy", policy, "--tool", "get-env");
            var allowed = Run("policy", "explain", "--policy", policy, "--tool", "echo", "--args", """{ "message": "hi" }""");

            Assert.Equal(1, denied.ExitCode);
            Assert.Contains("/tools/get-env/action", denied.Output, StringComparison.Ordinal);
            Assert.Equal(0, allowed.ExitCode);
            Assert.Contains("decision: allow", allowed.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Policy_validate_accepts_a_valid_file_and_reports_each_fault_of_an_invalid_one()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var good = Path.Combine(folder, "good.json");
            var bad = Path.Combine(folder, "bad.json");
            File.WriteAllText(good, """{ "version": "1", "default": "deny", "tools": { "echo": {} } }""");
            File.WriteAllText(bad, """{ "version": "1", "default": "maybe", "tools": { "echo": { "limits": [ { "counter": "c", "window": "minute", "max": -1 } ] } } }""");

            var valid = Run("policy", "validate", good);
            var invalid = Run("policy", "validate", good, bad);

            Assert.Equal(0, valid.ExitCode);
            Assert.Contains("good.json: valid", valid.Output, StringComparison.Ordinal);
            Assert.Equal(1, invalid.ExitCode);
            Assert.Contains("bad.json: default:", invalid.Error, StringComparison.Ordinal);
            Assert.Contains("bad.json: tools.echo.limits[0].max:", invalid.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Unknown_command_prints_usage_with_exit_code_2()
    {
        var (exitCode, output, error) = Run("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("gatehouse: unknown command 'frobnicate'", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }
}
