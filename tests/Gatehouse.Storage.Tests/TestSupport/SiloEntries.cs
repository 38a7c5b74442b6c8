using System.Net;
using Orleans;
using Orleans.Runtime;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>Membership entries for made-up silos, with UTC times at millisecond precision.</summary>
internal static class SiloEntries
{
    public static DateTime Now => Milliseconds(DateTime.UtcNow);

    public static DateTime Milliseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static SiloAddress Address(int port, int generation = 1, string ip = "10.20.30.40") =>
        SiloAddress.New(new IPEndPoint(IPAddress.Parse(ip), port), generation);

    public static MembershipEntry Create(
        SiloAddress silo,
        SiloStatus status = SiloStatus.Active,
        int proxyPort = 30000,
        DateTime? startTime = null,
        DateTime? iAmAliveTime = null)
    {
        var now = Now;
        return new MembershipEntry
        {
            SiloAddress = silo,
            Status = status,
            ProxyPort = proxyPort,
            HostName = $"host-{silo.Endpoint.Port}",
            SiloName = $"silo-{silo.Endpoint.Port}-{silo.Generation}",
            StartTime = startTime ?? now,
            IAmAliveTime = iAmAliveTime ?? now,
            SuspectTimes = [],
        };
    }
}
