namespace Gatehouse.Gateway.Configuration;

public static class DurabilityKinds
{
    public const string None = "None";

    public const string Durable = "Durable";

    /// <summary>The durability in force: as configured, else durable whenever there is a database.</summary>
    public static string Effective(GatehouseOptions options) =>
        options.Counters.Durability ?? (string.IsNullOrWhiteSpace(options.Cluster.ConnectionString) ? None : Durable);
}
