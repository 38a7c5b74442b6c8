using System.Text;
using Gatehouse.Deployment.Tests.Infrastructure;

namespace Gatehouse.Deployment.Tests.Dockerfile;

/// <summary>
/// A Dockerfile read the way the builder reads it: comments and blank lines dropped, lines joined at a
/// trailing backslash, one instruction per logical line, stages split at each FROM.
/// </summary>
internal sealed class DockerfileDocument
{
    private DockerfileDocument(IReadOnlyList<DockerStage> stages)
    {
        Stages = stages;
    }

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage <c>docker build</c> produces without <c>--target</c>: the last one.</summary>
    public DockerStage Final => Stages[^1];

    public static DockerfileDocument Load() => Parse(File.ReadAllText(Repository.PathOf("Dockerfile")));

    public static DockerfileDocument Parse(string text)
    {
        var stages = new List<DockerStage>();
        string? baseImage = null;
        string? name = null;
        var instructions = new List<DockerInstruction>();
        foreach (var (line, number) in LogicalLines(text))
        {
            var space = line.IndexOfAny([' ', '\t']);
            var keyword = space < 0 ? line : line[..space];
            var instruction = DockerInstruction.Parse(keyword, space < 0 ? string.Empty : line[(space + 1)..], number);
            if (instruction.Keyword == "FROM")
            {
                if (baseImage is not null)
                {
                    stages.Add(new DockerStage(baseImage, name, instructions));
                }

                var words = instruction.Words();
                baseImage = words[0];
                name = words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                instructions = [];
                continue;
            }

            if (baseImage is null)
            {
                if (instruction.Keyword != "ARG")
                {
                    throw new FormatException($"Dockerfile line {number}: {instruction.Keyword} before the first FROM.");
                }

                continue;
            }

            instructions.Add(instruction);
        }

        if (baseImage is null)
        {
            throw new FormatException("The Dockerfile has no FROM.");
        }

        stages.Add(new DockerStage(baseImage, name, instructions));
        return new DockerfileDocument(stages);
    }

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"The Dockerfile has no stage named '{name}'; it has {string.Join(", ", Stages.Select(s => s.Name ?? "(unnamed)"))}.");

    private static IEnumerable<(string Line, int Number)> LogicalLines(string text)
    {
        var current = new StringBuilder();
        var start = 0;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (current.Length == 0)
            {
                start = i + 1;
            }

            if (line.EndsWith('\\'))
            {
                current.Append(line[..^1].TrimEnd()).Append(' ');
                continue;
            }

            current.Append(line);
            yield return (current.ToString().Trim(), start);
            current.Clear();
        }

        if (current.Length > 0)
        {
            yield return (current.ToString().Trim(), start);
        }
    }
}
