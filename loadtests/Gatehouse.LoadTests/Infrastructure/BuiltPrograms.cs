using System.Reflection;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>Where the programs the scenarios start were built, recorded at build time (same configuration as this one).</summary>
internal static class BuiltPrograms
{
    public static string GatehouseDll => Full("GatehouseDll");

    public static string TestUpstreamDll => Full("TestUpstreamDll");

    public static string ReferenceProxyDll => Full("ReferenceProxyDll");

    /// <summary>A script of <c>tests/node</c> (its packages installed there by <c>npm ci</c>).</summary>
    public static string NodeScript(string name) => Path.Combine(RepositoryRoot, "tests", "node", name);

    public static string RepositoryRoot => Full("RepositoryRoot");

    private static string Full(string key) =>
        Path.GetFullPath(typeof(BuiltPrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}
