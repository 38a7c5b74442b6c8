using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Commands;

/// <summary>What every scenario command shares: its options, where it writes, and how it shows progress.</summary>
internal sealed class CommandContext(string scenario, CommandOptions options, TextWriter output, TextWriter error)
{
    public CommandOptions Options { get; } = options;

    public ReportFiles Files { get; } = ReportFiles.For(scenario, options.Optional("--out"));

    public Task<T> RunAsync<T>(Func<ProgressView, Task<T>> body) =>
        ProgressFactory.RunWithAsync($"gatehouse load test: {scenario}", Options.Flag("--no-progress"), error, body);

    /// <summary>Writes the report as JSON and Markdown, prints the Markdown and where the files are.</summary>
    public async Task PublishAsync<T>(T report, string markdown, params string[] plots)
    {
        await Files.WriteAsync(report, markdown);
        await output.WriteLineAsync(markdown);
        await output.WriteLineAsync($"Written: {Files.JsonPath}, {Files.MarkdownPath}{string.Concat(plots.Select(p => ", " + p))}");
    }
}
