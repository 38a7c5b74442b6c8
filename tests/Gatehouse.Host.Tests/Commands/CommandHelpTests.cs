using Gatehouse.Host.Commands;

namespace Gatehouse.Host.Tests.Commands;

public sealed class CommandHelpTests
{
    [Theory]
    [InlineData("gatehouse token new", "token", "new", "--help")]
    [InlineData("gatehouse policy validate <FILE>...", "policy", "validate", "--help")]
    [InlineData("gatehouse policy explain [options]", "policy", "explain", "-h")]
    [InlineData("gatehouse db migrate", "db", "migrate", "--help")]
    [InlineData("gatehouse healthcheck [options]", "healthcheck", "--help")]
    [InlineData("gatehouse policy explain [options]", "help", "policy", "explain")]
    public void Every_command_has_help_on_standard_output(string usage, params string[] args)
    {
        var (exitCode, output, error) = Run(args);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(usage, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_help_names_every_option()
    {
        var (_, output, _) = Run("policy", "explain", "--help");

        foreach (var option in new[] { "--policy <FILE>", "--tool <NAME>", "--args <JSON>", "--grant <G>", "--upstream <U>", "--annotations <JSON>", "--description <TEXT>" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Required argument missing", "policy", "validate")]
    [InlineData("gatehouse: token new: unexpected argument 'extra'", "token", "new", "extra")]
    [InlineData("gatehouse: token: unknown command 'old'", "token", "old")]
    [InlineData("gatehouse: healthcheck: --url needs a value", "healthcheck", "--url")]
    [InlineData("gatehouse: healthcheck: unknown option '--uri'", "healthcheck", "--uri", "http://127.0.0.1:1/healthz")]
    [InlineData("gatehouse: db migrate: --config is given twice", "db", "migrate", "--config", "a.json", "--config", "b.json")]
    public void Bad_command_lines_print_the_problem_and_the_help_on_standard_error_with_exit_code_2(string problem, params string[] args)
    {
        var (exitCode, output, error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Db_migrate_passes_configuration_overrides_through_and_checks_its_config_file()
    {
        var absent = Path.Combine(Path.GetTempPath(), $"gatehouse-absent-{Guid.NewGuid():N}.json");

        var (exitCode, output, error) = Run("db", "migrate", "--Gatehouse:Cluster:ClusterId", "c1", "--config", absent);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"gatehouse: configuration file not found: {absent}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var (exitCode, output, _) = Run("--version");

        Assert.Equal(0, exitCode);
        Assert.NotEmpty(output.Trim());
    }

    private static (int? ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.TryRunAsync(args, output, error).GetAwaiter().GetResult();
        return (exitCode, output.ToString(), error.ToString());
    }
}
