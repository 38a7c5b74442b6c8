namespace Gatehouse.Gateway.Configuration;

/// <summary>Where relative paths in the configuration (policy files) are resolved: the folder of <c>--config</c>, else the working directory.</summary>
internal sealed record ConfigFileLocation(string Directory)
{
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Directory, path));
}
