using Orleans.Configuration;
using Xunit.Abstractions;
namespace Gatehouse.Storage.Tests;
public sealed class TmpProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var p = typeof(ClusterMembershipOptions).GetProperty("ClusteringShutdownGracePeriod", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)!;
        var o = new ClusterMembershipOptions();
        output.WriteLine($"canwrite={p.CanWrite} setter={p.SetMethod?.IsPublic} default={p.GetValue(o)}");
        o.ProbeTimeout = TimeSpan.FromSeconds(1); o.NumMissedProbesLimit = 2;
        output.WriteLine($"after={p.GetValue(o)}");
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        output.WriteLine($"after2={p.GetValue(o)}");
        o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        output.WriteLine($"after3={p.GetValue(o)}");
        Assert.True(true);
    }
}
