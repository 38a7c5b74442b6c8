using Gatehouse.Deployment.Tests.Kubernetes;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Configuration;

namespace Gatehouse.Deployment.Tests.Configuration;

/// <summary>
/// The configuration a gateway pod starts with, built the way the app builds it: the JSON file named by
/// <c>--config</c> (read from the ConfigMap mounted there), then the environment, then the command line.
/// </summary>
internal sealed class PodConfiguration
{
    private PodConfiguration(string configPath, IConfigurationRoot configuration, IReadOnlyDictionary<string, string> files)
    {
        ConfigPath = configPath;
        Configuration = configuration;
        Files = files;
        Options = configuration.GetSection(GatehouseOptions.SectionName).Get<GatehouseOptions>() ?? new GatehouseOptions();
    }

    /// <summary>The <c>--config</c> path inside the container.</summary>
    public string ConfigPath { get; }

    public IConfigurationRoot Configuration { get; }

    /// <summary>The files mounted into the container, by absolute path.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public GatehouseOptions Options { get; }

    public static PodConfiguration Of(GatewayWorkload gateway)
    {
        var args = gateway.Container.Args ?? [];
        var index = args.IndexOf("--config");
        if (index < 0 || index == args.Count - 1)
        {
            throw new InvalidOperationException($"{gateway.Manifests}: the gateway container's args name no --config file: [{string.Join(", ", args)}]");
        }

        var configPath = args[index + 1];
        var files = gateway.MountedFiles();
        if (!files.TryGetValue(configPath, out var json))
        {
            throw new InvalidOperationException($"{gateway.Manifests}: --config {configPath} is not a file mounted from a ConfigMap; mounted: {string.Join(", ", files.Keys)}");
        }

        var environment = gateway.Environment().ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value);
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            .AddInMemoryCollection(environment)
            .AddCommandLine([.. args])
            .Build();
        return new PodConfiguration(configPath, configuration, files);
    }

    /// <summary>Where the app looks for a policy path given in the configuration: relative to the config file's folder.</summary>
    public string ResolvePolicyPath(string policy) =>
        policy.StartsWith('/') ? policy : $"{Path.GetDirectoryName(ConfigPath)!.Replace('\\', '/').TrimEnd('/')}/{policy}";
}
