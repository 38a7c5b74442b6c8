using System.Text;
using System.Text.RegularExpressions;
using Gatehouse.Deployment.Tests.Infrastructure;

namespace Gatehouse.Deployment.Tests.Dockerfile;

/// <summary>
/// The <c>.dockerignore</c> rules: a path is left out of the build context when the last pattern that
/// matches it (or one of its parent folders) is not an exception (<c>!pattern</c>). <c>**</c> matches any
/// number of folders, <c>*</c> and <c>?</c> stay within one path segment.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly IReadOnlyList<(Regex Pattern, bool Exception)> _rules;

    private DockerIgnore(IReadOnlyList<(Regex Pattern, bool Exception)> rules)
    {
        _rules = rules;
    }

    public static DockerIgnore Load()
    {
        var path = Repository.PathOf(".dockerignore");
        return Parse(File.Exists(path) ? File.ReadAllText(path) : string.Empty);
    }

    public static DockerIgnore Parse(string text)
    {
        var rules = new List<(Regex, bool)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exception = line.StartsWith('!');
            var pattern = (exception ? line[1..] : line).Trim().TrimStart('/').TrimEnd('/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern[2..];
            }

            rules.Add((new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant), exception));
        }

        return new DockerIgnore(rules);
    }

    /// <summary>Whether a path relative to the context root (with '/' separators) is left out of the context.</summary>
    public bool Excludes(string relativePath)
    {
        var segments = relativePath.Replace('\\', '/').Trim('/').Split('/');
        for (var length = 1; length <= segments.Length; length++)
        {
            if (Matches(string.Join('/', segments.Take(length))))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(string path)
    {
        var excluded = false;
        foreach (var (pattern, exception) in _rules)
        {
            if (pattern.IsMatch(path))
            {
                excluded = !exception;
            }
        }

        return excluded;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var followedBySlash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(followedBySlash ? "(?:.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
