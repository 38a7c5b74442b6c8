using System.Diagnostics;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>Finds the PostgreSQL server the cluster scenarios put their scratch databases on.</summary>
internal static class PostgresServer
{
    /// <summary>
    /// The connection string given with <c>--postgres</c>, else <c>GATEHOUSE_TEST_POSTGRES</c>, else the one
    /// <c>tests/postgres.sh</c> prints (it installs and starts a local server when missing).
    /// </summary>
    public static async Task<string> ConnectionStringAsync(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        if (Environment.GetEnvironmentVariable("GATEHOUSE_TEST_POSTGRES") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var script = Path.Combine(BuiltPrograms.RepositoryRoot, "tests", "postgres.sh");
        var info = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run tests/postgres.sh");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return process.ExitCode == 0 && last is not null
            ? last.Trim()
            : throw new InvalidOperationException("tests/postgres.sh failed; pass --postgres CONNECTION_STRING");
    }
}
