using System.Reflection;

namespace Gatehouse.Deployment.Tests.Infrastructure;

/// <summary>Where the repository and the programs under test are, recorded at build time.</summary>
internal static class Repository
{
    public static string Root => Full("RepositoryRoot");

    /// <summary>The gatehouse executable built in the test's configuration (src/Gatehouse.Host/bin/&lt;Configuration&gt;/net10.0).</summary>
    public static string GatehouseDll => Full("GatehouseDll");

    /// <summary>The C# test upstream (tests/Gatehouse.TestUpstream), run with <c>--stdio</c>.</summary>
    public static string TestUpstreamDll => Full("TestUpstreamDll");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Full(string key) =>
        Path.GetFullPath(typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}
