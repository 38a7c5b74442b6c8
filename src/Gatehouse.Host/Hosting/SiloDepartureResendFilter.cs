using System.Collections.Concurrent;
using System.Reflection;
using Gatehouse.Grains;

namespace Gatehouse.Host.Hosting;

/// <summary>
/// Sends a grain call again when the silo it went to left the cluster before answering. A replica stopped
/// gracefully deactivates its grains and should forward the calls that reach them meanwhile, but Orleans does not
/// forward them all (dotnet/orleans#2287): the caller is told <see cref="SiloUnavailableException"/> and an agent's
/// call on another replica would fail while nothing is wrong with the cluster. Only methods marked
/// <see cref="SafeToResendAttribute"/> are sent again, since the first attempt may have run.
/// </summary>
internal sealed partial class SiloDepartureResendFilter(TimeProvider time, ILogger<SiloDepartureResendFilter> logger) : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> Resendable = new();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException
                && attempt < ClusterTimings.ResendDelays.Count
                && IsResendable(context.InterfaceMethod))
            {
                Log.Resending(logger, context.InterfaceName, context.MethodName, attempt + 1, ex.GetType().Name);
                await Task.Delay(ClusterTimings.ResendDelays[attempt], time);
            }
        }
    }

    private static bool IsResendable(MethodInfo? method) =>
        method is not null && Resendable.GetOrAdd(method, m => m.GetCustomAttribute<SafeToResendAttribute>() is not null);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2640, Level = LogLevel.Information, Message = "Grain call {Interface}.{Method}: attempt {Attempt} met a silo leaving ({ErrorType}); sending it again")]
        public static partial void Resending(ILogger logger, string @interface, string method, int attempt, string errorType);
    }
}
