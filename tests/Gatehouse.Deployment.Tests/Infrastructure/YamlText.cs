using YamlDotNet.RepresentationModel;

namespace Gatehouse.Deployment.Tests.Infrastructure;

/// <summary>Small helpers to read YAML configuration files (collector, Prometheus, Tempo, Grafana) as node trees.</summary>
internal static class YamlText
{
    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Single().RootNode as YamlMappingNode
            ?? throw new FormatException("The YAML document is not a mapping.");
    }

    /// <summary>The node at a path of mapping keys, or null.</summary>
    public static YamlNode? At(YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string? Scalar(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    public static IEnumerable<string> Scalars(YamlNode node, params string[] path) =>
        At(node, path) is YamlSequenceNode sequence ? sequence.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty) : [];

    public static IEnumerable<YamlMappingNode> Mappings(YamlNode node, params string[] path) =>
        At(node, path) is YamlSequenceNode sequence ? sequence.OfType<YamlMappingNode>() : [];
}
