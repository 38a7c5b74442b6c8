using Gatehouse.Gateway.Configuration;
using Gatehouse.Grains;
using Gatehouse.Storage;

namespace Gatehouse.Host.Hosting;

/// <summary>Where counters and sessions are kept: PostgreSQL when the configuration names a database, else memory.</summary>
internal static class StorageServiceCollectionExtensions
{
    public static void AddGatehouseStorage(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatehouseOptions.SectionName).Get<GatehouseOptions>() ?? new GatehouseOptions();
        var connectionString = options.Cluster.ConnectionString;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Services.AddSingleton(_ => PostgresDataSources.Create(connectionString));
            builder.Services.AddSingleton<ISessionStore, PostgresSessionStore>();
            builder.Services.AddSingleton<IPolicyRevisionStore, PostgresPolicyRevisionStore>();
            builder.Services.AddSingleton<IGrantStore, PostgresGrantStore>();
            builder.Services.AddSingleton<IApprovalStore, PostgresApprovalStore>();
            builder.Services.AddSingleton<IToolPinStore, PostgresToolPinStore>();
            builder.Services.AddSingleton<ITaskOwnerStore, PostgresTaskOwnerStore>();
            if (DurabilityKinds.Effective(options) == DurabilityKinds.Durable)
            {
                builder.Services.AddSingleton<PostgresCounterStore>();
                builder.Services.AddSingleton<ICounterStore>(provider => provider.GetRequiredService<PostgresCounterStore>());
                builder.Services.AddSingleton(new CounterOutagePolicy(options.Counters.OnStoreOutage == CounterOutageModes.Serve));
            }
        }

        builder.Services.AddGatehouseInMemoryStores();
    }
}
