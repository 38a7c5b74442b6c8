using System.Diagnostics;

namespace Gatehouse.Telemetry;

/// <summary>
/// The name Gatehouse reports under, and its ActivitySource. The ActivitySource is static, as .NET
/// expects of one; the Meter and its instruments are per host, in <see cref="GatehouseMetrics"/>.
/// </summary>
public static class GatehouseTelemetry
{
    /// <summary>The name of the ActivitySource and of the Meter: <c>Gatehouse</c>.</summary>
    public const string Name = "Gatehouse";

    /// <summary>The version both report: this assembly's.</summary>
    public static readonly string? Version = typeof(GatehouseTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>Gatehouse's spans.</summary>
    public static readonly ActivitySource Source = new(Name, Version);
}
