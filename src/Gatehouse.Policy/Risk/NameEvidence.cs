namespace Gatehouse.Policy;

/// <summary>What a tool's name, or failing that its description, says it does.</summary>
internal static class NameEvidence
{
    private const int DescriptionLeadWords = 4;

    /// <summary>The assessment the name or, when the name has no known word, the description supports; null when neither does.</summary>
    public static RiskAssessment? Of(ToolDescription tool) =>
        FromName(tool.Name) ?? (string.IsNullOrWhiteSpace(tool.Description) ? null : FromDescription(tool.Description));

    /// <summary>Names are verb first: a known first word decides, along with any verb after "and", "or" or "then"
    /// (<c>search_and_replace</c>). When the first word is unknown (<c>file_delete</c>, <c>git_commit</c>), every word
    /// counts. The most severe match wins.</summary>
    public static RiskAssessment? FromName(string name)
    {
        var words = ToolWords.OfName(name);
        var found = Strongest(words, inDescription: false);
        return found is not { } match
            ? null
            : new RiskAssessment(match.Effect, match.Risk, match.Index == 0 ? $"name starts with '{match.Word}'" : $"name contains '{match.Word}'");
    }

    /// <summary>The description's first sentence says what the tool does in its first few words ("Returns…", "Recursively
    /// search…", "A tool that deletes…"): the first known verb among them decides, along with verbs right after "and",
    /// "or" or "then" later in the sentence. A verb further in is more likely about something else.</summary>
    public static RiskAssessment? FromDescription(string description)
    {
        var found = Strongest(ToolWords.OfFirstSentence(description), inDescription: true);
        return found is not { } match ? null : new RiskAssessment(match.Effect, match.Risk, $"description says '{match.Word}'");
    }

    private static (string Word, int Index, ToolEffect Effect, RiskLevel Risk)? Strongest(IReadOnlyList<string> words, bool inDescription)
    {
        var known = new List<(string Word, int Index, ToolEffect Effect, RiskLevel Risk)>();
        for (var index = 0; index < words.Count; index++)
        {
            if (RiskVerbs.Find(words[index], inDescription) is { } found)
            {
                known.Add((words[index], index, found.Effect, found.Risk));
            }
        }

        if (known.Count == 0 || (inDescription && known[0].Index >= DescriptionLeadWords))
        {
            return null;
        }

        // A name whose first word is no verb ("directory_delete") says what it does somewhere else in it.
        var lead = known[0].Index;
        var scanAll = !inDescription && lead != 0;
        (string Word, int Index, ToolEffect Effect, RiskLevel Risk)? best = null;
        foreach (var match in known)
        {
            var counts = scanAll || match.Index == lead || RiskVerbs.IsConnector(words[match.Index - 1]);
            if (counts && (best is null || RiskVerbs.Severity((match.Effect, match.Risk)) > RiskVerbs.Severity((best.Value.Effect, best.Value.Risk))))
            {
                best = match;
            }
        }

        return best;
    }
}
