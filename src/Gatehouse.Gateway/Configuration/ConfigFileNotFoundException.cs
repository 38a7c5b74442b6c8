namespace Gatehouse.Gateway.Configuration;

internal sealed class ConfigFileNotFoundException(string path)
    : Exception($"configuration file not found: {path} (given with --config)");
