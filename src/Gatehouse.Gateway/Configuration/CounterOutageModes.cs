namespace Gatehouse.Gateway.Configuration;

/// <summary>The values of <c>Gatehouse:Counters:OnStoreOutage</c>.</summary>
public static class CounterOutageModes
{
    public const string FailClosed = "FailClosed";

    public const string Serve = "Serve";
}
