using Gatehouse.Grains.Limits;
using Gatehouse.Grains.Sessions;
using Gatehouse.Host.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Gatehouse.Host.Tests.Hosting;

/// <summary>
/// Grain calls of a whole replica in this process (composed as <c>Program.cs</c> composes it) whose silo leaves
/// before answering, as Orleans reports it: those marked safe to resend are sent again, the others fail at once.
/// </summary>
public sealed class SiloDepartureResendFilterTests : IAsyncLifetime
{
    private readonly FailingGrainCalls _failures = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-resend-").FullName;
    private InProcessReplica? _replica;

    private IGrainFactory Grains => _replica!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync() =>
        _replica = await InProcessReplica.StartAsync(QuietReplicaConfig.Write(_folder), builder => builder.Services.AddSingleton<IOutgoingGrainCallFilter>(_failures));

    public async Task DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_session_read_whose_silo_left_is_sent_again_and_answered()
    {
        _failures.Fail(typeof(ISessionGrain), 1, () => new SiloUnavailableException("the silo left"));

        var session = await Grains.GetGrain<ISessionGrain>("unknown-session").GetAsync();

        Assert.Null(session);
        Assert.Equal(2, _failures.Calls);
    }

    [Fact]
    public async Task A_counter_reservation_whose_silo_left_is_sent_again_and_decided()
    {
        _failures.Fail(typeof(ICounterGrain), 2, () => new SiloUnavailableException("the silo left"));

        var decision = await Grains.GetGrain<ICounterGrain>("grant/g/quiet/c").TryAcquireAsync(new CounterLimit(CounterAlgorithm.Fixed, 60, 5), 1);

        Assert.NotNull(decision.Reservation);
        Assert.Equal(3, _failures.Calls);
    }

    [Fact]
    public async Task Giving_a_reservation_back_is_never_sent_twice()
    {
        _failures.Fail(typeof(ICounterGrain), 1, () => new SiloUnavailableException("the silo left"));

        await Assert.ThrowsAsync<SiloUnavailableException>(async () =>
            await Grains.GetGrain<ICounterGrain>("grant/g/quiet/c").ReleaseAsync(new CounterLimit(CounterAlgorithm.Fixed, 60, 5), new CounterReservation(DateTimeOffset.UtcNow, 1)));

        Assert.Equal(1, _failures.Calls);
    }

    [Fact]
    public async Task Any_other_failure_of_a_safe_call_is_not_taken_for_a_silo_leaving()
    {
        _failures.Fail(typeof(ISessionGrain), int.MaxValue, () => new InvalidOperationException("a bug"));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Grains.GetGrain<ISessionGrain>("unknown-session").GetAsync());

        Assert.Equal(1, _failures.Calls);
    }
}
