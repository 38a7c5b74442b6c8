using System.Threading.Channels;
using Gatehouse.Grains.Approvals;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// Tells the consoles connected to this replica when the set of pending approvals changes. While at least one
/// listens, the replica reads the approval index every <see cref="ConsoleDefaults.ApprovalPollInterval"/> (one
/// light grain call, however many browsers listen); with nobody listening it reads nothing.
/// </summary>
internal sealed partial class ApprovalWatch(IGrainFactory grains, TimeProvider time, ILogger<ApprovalWatch> logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<Channel<long>> _listeners = [];
    private CancellationTokenSource? _polling;
    private string? _fingerprint;
    private long _version;

    /// <summary>A listener: its reader yields a number each time the pending set changed (the latest only, if it falls behind).</summary>
    public Listener Listen()
    {
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _listeners.Add(channel);
            if (_polling is null)
            {
                _polling = new CancellationTokenSource();
                _fingerprint = null;
                _ = PollAsync(_polling.Token);
            }
        }

        return new Listener(this, channel);
    }

    private void Leave(Channel<long> channel)
    {
        lock (_gate)
        {
            _listeners.Remove(channel);
            if (_listeners.Count == 0 && _polling is { } polling)
            {
                polling.Cancel();
                polling.Dispose();
                _polling = null;
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var index = grains.GetGrain<IApprovalIndexGrain>("all");
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var fingerprint = string.Join('\n', await index.ListAsync());
                lock (_gate)
                {
                    if (!cancellationToken.IsCancellationRequested && fingerprint != _fingerprint)
                    {
                        _fingerprint = fingerprint;
                        _version++;
                        foreach (var listener in _listeners)
                        {
                            listener.Writer.TryWrite(_version);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cluster may be reconfiguring; the next round tries again.
                Log.PollFailed(logger, ex.GetType().Name, ex.Message);
            }

            try
            {
                await Task.Delay(ConsoleDefaults.ApprovalPollInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One console's subscription; dispose it when the console goes.</summary>
    internal sealed class Listener(ApprovalWatch watch, Channel<long> channel) : IDisposable
    {
        public ChannelReader<long> Changes => channel.Reader;

        public void Dispose() => watch.Leave(channel);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2610, Level = LogLevel.Warning, Message = "Reading the approval index for the console failed ({ErrorType}: {Error}); trying again")]
        public static partial void PollFailed(ILogger logger, string errorType, string error);
    }
}
