using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Gatehouse.Storage.Migrations;

/// <summary>The migrations embedded in this assembly, ordered by number.</summary>
internal static partial class MigrationCatalog
{
    private const string ResourcePrefix = "Gatehouse.Storage.Schema.";

    public static IReadOnlyList<Migration> All { get; } = Load(typeof(MigrationCatalog).Assembly);

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(migration => migration.Id)
            .ToList();

        var duplicate = migrations.GroupBy(migration => migration.Id).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(", ", duplicate.Select(m => m.Name))} share the number {duplicate.Key}.");
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string resourceName)
    {
        var fileName = resourceName[ResourcePrefix.Length..];
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException(
                $"Schema file '{fileName}' is not named NNN_name.sql (three digits, lower-case name).");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Schema resource '{resourceName}' cannot be read.");
        using var reader = new StreamReader(stream);
        var id = int.Parse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        return new Migration(id, match.Groups["name"].Value, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^(?<name>(?<id>[0-9]{3})_[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
