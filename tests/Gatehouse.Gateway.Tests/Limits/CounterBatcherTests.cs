using System.Collections.Concurrent;
using Gatehouse.Gateway.Limits;
using Gatehouse.Grains;
using Gatehouse.Grains.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Tests.Limits;

/// <summary>The batcher against a real in-process silo running Gatehouse's counter grains.</summary>
public sealed class CounterBatcherTests : IAsyncLifetime
{
    private static readonly CounterLimit FiftyPerDay = new(CounterAlgorithm.Fixed, 86_400, 50);

    private readonly CallLog _calls = new();
    private readonly GrainGate _gate = new();
    private IHost? _silo;

    private IGrainFactory Grains => _silo!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            silo.Services.AddSingleton(TimeProvider.System).AddGatehouseInMemoryStores();
            silo.AddIncomingGrainCallFilter(async context =>
            {
                _calls.Record(context.InterfaceMethod.Name);
                await _gate.PassAsync();
                await context.Invoke();
            });
        });
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
    }

    [Fact]
    public async Task Requests_arriving_while_one_is_in_flight_go_as_one_batch_and_exactly_the_limit_is_admitted()
    {
        var batcher = new CounterBatcher(Grains);
        var key = $"grant:test/{Guid.NewGuid():N}/hot";
        var held = _gate.Close();

        // The first request reaches the grain and is held there; the other 399 arrive, from many threads, while it is in flight.
        var first = batcher.TryAcquireAsync(key, FiftyPerDay, 1);
        await held;
        // TryAcquireAsync queues a request before it returns: once every thread returned, all 399 are queued.
        var queued = await Task.WhenAll(Enumerable.Range(0, 399).Select(_ => Task.Factory.StartNew(
            () => batcher.TryAcquireAsync(key, FiftyPerDay, 1), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default)));
        _gate.Open();
        var decisions = await Task.WhenAll(queued.Prepend(first));

        Assert.Equal(50, decisions.Count(d => d.Admitted));
        Assert.All(decisions.Where(d => d.Admitted), d => Assert.NotNull(d.Reservation));
        Assert.All(decisions.Where(d => !d.Admitted), d => Assert.Null(d.Reservation));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => 49m - i).Order(), decisions.Where(d => d.Admitted).Select(d => d.Remaining).Order());
        Assert.Equal(1, _calls.Count(nameof(ICounterGrain.TryAcquireAsync)));
        Assert.Equal(1, _calls.Count(nameof(ICounterGrain.TryAcquireBatchAsync)));
    }

    [Fact]
    public async Task A_lone_request_goes_at_once_as_a_single_call()
    {
        var batcher = new CounterBatcher(Grains);

        var decision = await batcher.TryAcquireAsync($"grant:test/{Guid.NewGuid():N}/quiet", FiftyPerDay, 5);

        Assert.True(decision.Admitted);
        Assert.Equal(45, decision.Remaining);
        Assert.Equal(0, _calls.Count(nameof(ICounterGrain.TryAcquireBatchAsync)));
    }

    [Fact]
    public async Task Costs_are_decided_in_order_within_a_batch()
    {
        var key = $"grant:test/{Guid.NewGuid():N}/costs";

        var decisions = await Grains.GetGrain<ICounterGrain>(key).TryAcquireBatchAsync(FiftyPerDay, [30, 30, 20, 1]);

        Assert.Equal([true, false, true, false], decisions.Select(d => d.Admitted));
        Assert.Equal([20m, 20m, 0m, 0m], decisions.Select(d => d.Remaining));
    }

    /// <summary>Holds grain calls while closed; tells when the first held call arrived.</summary>
    private sealed class GrainGate
    {
        private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _open;

        /// <summary>Closes the gate; the task completes when a call is held at it.</summary>
        public Task Close()
        {
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _arrived.Task;
        }

        public void Open() => _open?.TrySetResult();

        public Task PassAsync()
        {
            if (_open is not { } open)
            {
                return Task.CompletedTask;
            }

            _arrived.TrySetResult();
            return open.Task;
        }
    }

    private sealed class CallLog
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public void Record(string method) => _counts.AddOrUpdate(method, 1, (_, n) => n + 1);

        public int Count(string method) => _counts.GetValueOrDefault(method);
    }
}
