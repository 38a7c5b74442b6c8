namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>One replica of the run, from its start to its exit.</summary>
/// <param name="Name">Its name in the report (<c>r3</c>, by order of start).</param>
/// <param name="BaseUrl">Where it served.</param>
/// <param name="StartedIn">The phase it was started in.</param>
/// <param name="ReadySeconds">From starting its process to its <c>/readyz</c> answering 200.</param>
/// <param name="StoppedIn">The phase it was stopped in; null if it ran to the end.</param>
/// <param name="ExitSeconds">From SIGTERM to the process's exit.</param>
/// <param name="ExitCode">Its exit code after SIGTERM (0 for a clean stop).</param>
internal sealed record ReplicaLife(string Name, Uri BaseUrl, string StartedIn, double ReadySeconds, string? StoppedIn = null, double? ExitSeconds = null, int? ExitCode = null);
