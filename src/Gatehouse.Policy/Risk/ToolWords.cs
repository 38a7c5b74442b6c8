namespace Gatehouse.Policy;

/// <summary>Splits tool names and descriptions into lower-case words for <see cref="NameEvidence"/>.</summary>
internal static class ToolWords
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '\n', '\r'];

    /// <summary>Words of a name, split on anything but letters and digits, on camelCase humps
    /// (<c>HTMLParser</c> is <c>html</c>, <c>parser</c>) and between letters and digits.</summary>
    public static IReadOnlyList<string> OfName(string name)
    {
        var words = new List<string>();
        var start = -1;
        for (var index = 0; index <= name.Length; index++)
        {
            var isWordChar = index < name.Length && char.IsLetterOrDigit(name[index]);
            if (start >= 0 && (!isWordChar || StartsWord(name, index)))
            {
                words.Add(name[start..index].ToLowerInvariant());
                start = -1;
            }

            if (isWordChar && start < 0)
            {
                start = index;
            }
        }

        return words;
    }

    /// <summary>The words of the first sentence of a description: where it says what the tool does.</summary>
    public static IReadOnlyList<string> OfFirstSentence(string description)
    {
        var text = description.TrimStart();
        var end = FirstSentenceEnd(text);
        return OfName(text[..end]);
    }

    // A new word starts at a hump (aB), at the last capital of an acronym before a lower-case letter (HTMLParser),
    // and where letters and digits meet (utf8Decode).
    private static bool StartsWord(string name, int index)
    {
        var previous = name[index - 1];
        var current = name[index];
        return (char.IsLower(previous) && char.IsUpper(current))
            || (char.IsUpper(previous) && char.IsUpper(current) && index + 1 < name.Length && char.IsLower(name[index + 1]))
            || (char.IsLetter(previous) != char.IsLetter(current));
    }

    // A period inside a word ("e.g", "v1.2", "file.txt") does not end a sentence; one before a space or the end does.
    private static int FirstSentenceEnd(string text)
    {
        var from = 0;
        while (text.IndexOfAny(SentenceEnds, from) is var end and >= 0)
        {
            if (text[end] is '\n' or '\r' || end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]))
            {
                return end;
            }

            from = end + 1;
        }

        return text.Length;
    }
}
