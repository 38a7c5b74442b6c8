using System.Reflection;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Where the programs under test were built, recorded at build time.</summary>
internal static class Paths
{
    public static string GatehouseDll => Full("GatehouseDll");

    public static string TestUpstreamDll => Full("TestUpstreamDll");

    public static string ConformanceServerDll => Full("ConformanceServerDll");

    public static string RepositoryRoot => Full("RepositoryRoot");

    public static string ConformanceScript(string name) => Path.Combine(RepositoryRoot, "tests", "conformance", name);

    public static string NodeModules => Path.Combine(RepositoryRoot, "tests", "node", "node_modules");

    public static string NodeScript(string name) => Path.Combine(RepositoryRoot, "tests", "node", name);

    private static string Full(string key) =>
        Path.GetFullPath(typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}
