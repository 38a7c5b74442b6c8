namespace Gatehouse.Policy;

/// <summary>The words that reveal what a tool does when its annotations do not say. Reads are listed sparingly:
/// a word wrongly taken for a read would lower the risk, so an unknown word is never one.</summary>
internal static class RiskVerbs
{
    private static readonly Dictionary<string, (ToolEffect Effect, RiskLevel Risk)> Words = Build(
        (ToolEffect.Read, RiskLevel.Low,
            ["get", "list", "read", "search", "fetch", "find", "echo", "sum", "show", "describe", "view", "lookup", "inspect",
             "count", "retrieve", "check", "validate", "preview", "ping", "explain", "status", "stat", "info", "ls", "cat",
             "grep", "head", "tail", "browse", "calculate", "compute", "compare", "diff", "summarize", "analyze"]),
        (ToolEffect.Write, RiskLevel.Medium,
            ["write", "create", "update", "edit", "move", "rename", "set", "add", "insert", "put", "post", "patch", "modify",
             "change", "save", "upload", "append", "replace", "copy", "send", "publish", "push", "commit", "merge", "toggle",
             "enable", "disable", "configure", "install", "upsert", "apply", "assign", "submit", "register", "subscribe",
             "unsubscribe", "import", "mkdir", "touch", "make", "start", "stop", "restart", "schedule"]),
        (ToolEffect.Write, RiskLevel.High,
            ["delete", "del", "remove", "rm", "rmdir", "unlink", "drop", "destroy", "kill", "terminate", "truncate", "wipe",
             "purge", "erase", "shred", "overwrite", "reset", "clear", "revoke", "uninstall"]),
        (ToolEffect.Execute, RiskLevel.High,
            ["exec", "execute", "run", "shell", "command", "cmd", "eval", "evaluate", "spawn", "bash", "sh", "zsh",
             "powershell", "pwsh", "terminal", "invoke", "launch", "repl", "subprocess", "sudo"]));

    // Only in descriptions: "Returns the sum of…" is a read, but a tool named "return_order" may well not be.
    private static readonly HashSet<string> DescriptionReads = new(["return"], StringComparer.Ordinal);

    /// <summary>Words that join two actions in one name or sentence ("search_and_replace").</summary>
    public static bool IsConnector(string word) => word is "and" or "or" or "then" or "plus";

    /// <summary>What <paramref name="word"/> (lower case) says, also in its third-person or plural form ("deletes",
    /// "echoes"); null when it is not a known word.</summary>
    public static (ToolEffect Effect, RiskLevel Risk)? Find(string word, bool inDescription)
    {
        foreach (var stem in Stems(word))
        {
            if (Words.TryGetValue(stem, out var found))
            {
                return found;
            }

            if (inDescription && DescriptionReads.Contains(stem))
            {
                return (ToolEffect.Read, RiskLevel.Low);
            }
        }

        return null;
    }

    /// <summary>Orders matches: risk first, then execute over write over read.</summary>
    public static int Severity((ToolEffect Effect, RiskLevel Risk) match) => ((int)match.Risk * 3) + (int)match.Effect;

    private static IEnumerable<string> Stems(string word)
    {
        yield return word;
        if (word.Length > 3 && word.EndsWith('s'))
        {
            yield return word[..^1];
            if (word.EndsWith("es", StringComparison.Ordinal))
            {
                yield return word[..^2];
            }
        }
    }

    private static Dictionary<string, (ToolEffect, RiskLevel)> Build(params (ToolEffect Effect, RiskLevel Risk, string[] Words)[] groups)
    {
        var words = new Dictionary<string, (ToolEffect, RiskLevel)>(StringComparer.Ordinal);
        foreach (var (effect, risk, list) in groups)
        {
            foreach (var word in list)
            {
                words.Add(word, (effect, risk));
            }
        }

        return words;
    }
}
