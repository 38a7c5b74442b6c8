using System.Reflection;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>Where the programs the tests start were built, recorded at build time.</summary>
internal static class Paths
{
    public static string TestUpstreamDll => Path.GetFullPath(
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestUpstreamDll").Value!);
}
