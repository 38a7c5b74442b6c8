using Gatehouse.LoadTests.Commands;
using Gatehouse.LoadTests.Infrastructure;

namespace Gatehouse.LoadTests.Smoke.Commands;

public sealed class LoadTestCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("gatehouse-smoke-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Run_in_open_loop_makes_every_arrival_and_writes_json_markdown_and_a_plot()
    {
        await using var upstream = await TestUpstream.StartAsync();
        var output = new StringWriter();

        var exit = await LoadTestCommand.RunAsync(
            ["run", "--target", upstream.Endpoint.ToString(), "--agents", "4", "--rate", "200", "--calls", "100", "--seconds", "30", "--out", _out, "--no-progress"],
            output,
            TextWriter.Null);

        Assert.Equal(0, exit);
        var json = await File.ReadAllTextAsync(Path.Combine(_out, "run.json"));
        Assert.Contains("\"calls\": 100", json, StringComparison.Ordinal);
        Assert.Contains("\"errors\": 0", json, StringComparison.Ordinal);
        Assert.Contains("| open loop 200/s |", output.ToString(), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(_out, "run-latency.png")).Length > 0);
    }

    [Fact]
    public async Task Many_counters_command_writes_its_tables_and_plots()
    {
        var exit = await LoadTestCommand.RunAsync(
            ["many-counters", "--counters", "300,600", "--concurrency", "8", "--sample-seconds", "0.2", "--out", _out, "--no-progress"],
            TextWriter.Null,
            TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_out, "many-counters.md")));
        Assert.True(new FileInfo(Path.Combine(_out, "many-counters-memory.png")).Length > 0);
        Assert.True(new FileInfo(Path.Combine(_out, "many-counters-latency.png")).Length > 0);
    }

    [Fact]
    public async Task An_unknown_command_prints_the_usage_and_fails()
    {
        var error = new StringWriter();

        var exit = await LoadTestCommand.RunAsync(["nonsense"], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("exactness", error.ToString(), StringComparison.Ordinal);
    }
}
