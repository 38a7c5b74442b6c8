using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.LoadTests.Reports;

/// <summary>Writes a scenario's report as JSON and as Markdown (plots are written beside them by the scenario).</summary>
internal sealed class ReportFiles(string folder, string name)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Folder { get; } = folder;

    public string JsonPath => Path.Combine(Folder, name + ".json");

    public string MarkdownPath => Path.Combine(Folder, name + ".md");

    /// <summary>A file beside the report, e.g. <c>latency.png</c>, named <c>{name}-{suffix}</c>.</summary>
    public string Beside(string suffix) => Path.Combine(Folder, $"{name}-{suffix}");

    public async Task WriteAsync<T>(T report, string markdown)
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(JsonPath, JsonSerializer.Serialize(report, Json));
        await File.WriteAllTextAsync(MarkdownPath, markdown);
    }

    /// <summary><c>artifacts/loadtests/{scenario}</c> under the repository, unless <c>--out</c> says otherwise.</summary>
    public static ReportFiles For(string scenario, string? folder) =>
        new(folder ?? Path.Combine(Infrastructure.BuiltPrograms.RepositoryRoot, "artifacts", "loadtests", scenario), scenario);
}
