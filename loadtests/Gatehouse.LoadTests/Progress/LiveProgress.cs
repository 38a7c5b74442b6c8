using System.Globalization;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Gatehouse.LoadTests.Progress;

/// <summary>
/// A live display (Spectre.Console) redrawn twice a second: the phases done so far, and the running one
/// with its calls, outcomes, throughput over the last second and latency percentiles of recent calls.
/// </summary>
internal sealed class LiveProgress : ProgressView, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<PhaseStats> _done = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private CallLog? _current;
    private string _status = "starting";
    private (int Answered, DateTime At) _last = (0, DateTime.UtcNow);
    private double _rate;

    public LiveProgress(string title)
    {
        _loop = AnsiConsole.Live(Render(title)).AutoClear(false).StartAsync(async context =>
        {
            while (!_stop.IsCancellationRequested)
            {
                context.UpdateTarget(Render(title));
                try
                {
                    await Task.Delay(500, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: draw once more below.
                }
            }

            context.UpdateTarget(Render(title));
        });
    }

    public override void Status(string text)
    {
        lock (_gate)
        {
            _status = text;
        }
    }

    public override void Watch(CallLog log)
    {
        lock (_gate)
        {
            _current = log;
            _status = log.Label;
            _last = (0, DateTime.UtcNow);
        }
    }

    public override void Completed(PhaseStats stats)
    {
        lock (_gate)
        {
            _done.Add(stats);
            _current = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    private IRenderable Render(string title)
    {
        lock (_gate)
        {
            var table = new Table().Title($"[bold]{Markup.Escape(title)}[/]").Border(TableBorder.Rounded);
            foreach (var column in new[] { "phase", "elapsed s", "calls", "admitted", "rate limited", "errors", "calls/s", "p50 ms", "p99 ms", "max ms" })
            {
                table.AddColumn(column == "phase" ? new TableColumn(column) : new TableColumn(column).RightAligned());
            }

            foreach (var done in _done.TakeLast(20))
            {
                table.AddRow(
                    Markup.Escape(done.Label), F(done.Seconds, "0.0"), done.Calls.ToString(CultureInfo.InvariantCulture),
                    done.Admitted.ToString(CultureInfo.InvariantCulture), done.RateLimited.ToString(CultureInfo.InvariantCulture),
                    done.Errors == 0 ? "0" : $"[red]{done.Errors}[/]", F(done.CallsPerSecond, "0"),
                    F(done.Latency.P50), F(done.Latency.P99), F(done.Latency.Max));
            }

            if (_current is { } log)
            {
                var now = DateTime.UtcNow;
                if (now - _last.At >= TimeSpan.FromSeconds(1))
                {
                    _rate = (log.Answered - _last.Answered) / (now - _last.At).TotalSeconds;
                    _last = (log.Answered, now);
                }

                var recent = LatencySummary.Of(log.RecentLatencies());
                table.AddRow(
                    $"[yellow]{Markup.Escape(log.Label)}[/]", F(log.Elapsed.TotalSeconds, "0.0"), (log.Answered + log.Errors).ToString(CultureInfo.InvariantCulture),
                    log.Admitted.ToString(CultureInfo.InvariantCulture), log.RateLimited.ToString(CultureInfo.InvariantCulture),
                    log.Errors == 0 ? "0" : $"[red]{log.Errors}[/]", F(_rate, "0"), F(recent.P50), F(recent.P99), F(recent.Max));
            }

            return new Rows(table, new Markup($"[grey]{Markup.Escape(_status)}[/]"));
        }
    }
}
