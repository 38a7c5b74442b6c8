namespace Gatehouse.Deployment.Tests.Infrastructure;

/// <summary>How a finished process ended and what it wrote.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command, its exit code and its output, for assertion messages.</summary>
    public string Describe() =>
        $"`{CommandLine}` exited with {ExitCode}.\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
