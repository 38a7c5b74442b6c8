using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.Grains;

public static class GrainServiceCollectionExtensions
{
    /// <summary>Keeps counters and sessions in their grains only, unless durable stores were registered before.</summary>
    public static IServiceCollection AddGatehouseInMemoryStores(this IServiceCollection services)
    {
        services.TryAddSingleton<ICounterStore, InMemoryCounterStore>();
        services.TryAddSingleton<ISessionStore, InMemorySessionStore>();
        services.TryAddSingleton<IPolicyRevisionStore, InMemoryPolicyRevisionStore>();
        services.TryAddSingleton<IGrantStore, InMemoryGrantStore>();
        services.TryAddSingleton<IApprovalStore, InMemoryApprovalStore>();
        services.TryAddSingleton<IToolPinStore, InMemoryToolPinStore>();
        services.TryAddSingleton<ITaskOwnerStore, InMemoryTaskOwnerStore>();
        services.TryAddSingleton<IApprovalNotifier, NoApprovalNotifier>();
        services.TryAddSingleton<IReplicaReporter, NoReplicaReporter>();
        services.TryAddSingleton(CounterOutagePolicy.FailClosed);
        services.TryAddSingleton<IdleWindowBatcher>();
        services.TryAddSingleton<CacheBucketTally>();
        return services;
    }
}
