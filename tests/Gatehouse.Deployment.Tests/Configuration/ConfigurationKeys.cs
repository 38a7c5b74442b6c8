using System.Collections;
using System.Reflection;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Deployment.Tests.Configuration;

/// <summary>
/// Whether an environment variable name is one the gateway reads: a <c>Gatehouse__…</c> key must bind to
/// a real property of the public options types (<see cref="GatehouseOptions"/> and the types below it),
/// found by reflection; other names must be standard ones (.NET, ASP.NET Core, OpenTelemetry, the
/// Orleans Kubernetes hosting package).
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Names Microsoft.Orleans.Hosting.Kubernetes reads (KubernetesHostingOptions' environment variables).</summary>
    public static readonly IReadOnlySet<string> OrleansKubernetesNames =
        new HashSet<string>(StringComparer.Ordinal) { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID" };

    private static readonly string[] StandardPrefixes = ["ASPNETCORE_", "DOTNET_", "OTEL_", "Logging__"];

    /// <summary>Null when the gateway reads <paramref name="name"/>; otherwise why not.</summary>
    public static string? Problem(string name)
    {
        if (OrleansKubernetesNames.Contains(name) || StandardPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            return null;
        }

        var segments = name.Split("__");
        if (!string.Equals(segments[0], GatehouseOptions.SectionName, StringComparison.OrdinalIgnoreCase))
        {
            return $"{name} is neither a {GatehouseOptions.SectionName}__ configuration key nor a standard variable ({string.Join(", ", StandardPrefixes)}*, {string.Join(", ", OrleansKubernetesNames)}).";
        }

        var type = typeof(GatehouseOptions);
        var path = GatehouseOptions.SectionName;
        foreach (var segment in segments.Skip(1))
        {
            if (segment.Length == 0)
            {
                return $"{name} has an empty key segment after {path}.";
            }

            if (DictionaryValueType(type) is { } valueType)
            {
                type = valueType;
            }
            else if (ListItemType(type) is { } itemType)
            {
                if (!int.TryParse(segment, out _))
                {
                    return $"{name}: {path} is a list, so '{segment}' must be an index.";
                }

                type = itemType;
            }
            else if (IsScalar(type))
            {
                return $"{name}: {path} is a value ({type.Name}); it has no key '{segment}'.";
            }
            else
            {
                var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null || property.GetSetMethod() is null)
                {
                    var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetSetMethod() is not null).Select(p => p.Name);
                    return $"{name}: {type.Name} ({path}) has no settable property '{segment}'; it has {string.Join(", ", known)}.";
                }

                type = property.PropertyType;
            }

            path += ":" + segment;
        }

        return IsScalar(type) ? null : $"{name} names the section {path}, not a value.";
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(Uri) || underlying == typeof(TimeSpan) || underlying == typeof(DateTimeOffset) || underlying == typeof(Guid);
    }

    private static Type? DictionaryValueType(Type type) =>
        Interfaces(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    private static Type? ListItemType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)
            ? null
            : Interfaces(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static IEnumerable<Type> Interfaces(Type type) => type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
}
