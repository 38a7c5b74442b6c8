using Orleans.Runtime;

namespace Gatehouse.Host.Admin;

/// <summary>Tells a grain call that failed because the cluster is reconfiguring from any other failure.</summary>
internal static class ClusterReconfiguration
{
    /// <summary>
    /// The exception that says so (<paramref name="exception"/>, or one an aggregate holds); null for
    /// any other failure. The silo that hosted the grain is gone (<see cref="SiloUnavailableException"/>),
    /// a silo turned the message away while membership changed (<see cref="OrleansMessageRejectionException"/>),
    /// or no answer came before the grain call's timeout (<see cref="TimeoutException"/>).
    /// </summary>
    public static Exception? CauseOf(Exception? exception) => exception switch
    {
        null => null,
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => exception,
        AggregateException aggregate => aggregate.InnerExceptions.Select(CauseOf).FirstOrDefault(cause => cause is not null),
        _ => null,
    };
}
