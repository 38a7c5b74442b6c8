namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>Where one group of agents sends its calls.</summary>
/// <param name="Name">Its name in the report (<see cref="Direct"/>, <see cref="Yarp"/>, <see cref="Gatehouse"/>).</param>
/// <param name="Endpoint">The MCP endpoint the agents open their sessions at.</param>
/// <param name="Token">The bearer token they send; null for none.</param>
/// <param name="Proxy">The process in the path between agents and upstream (a <see cref="CpuProbes"/> name); null when direct.</param>
internal sealed record OverheadTarget(string Name, Uri Endpoint, string? Token, string? Proxy)
{
    public const string Direct = "direct";

    public const string Yarp = "yarp";

    public const string Gatehouse = "gatehouse";
}
