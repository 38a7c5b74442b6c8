namespace Gatehouse.Policy.Tests;

public sealed class ToolWordsTests
{
    [Theory]
    [InlineData("get-env", "get env")]
    [InlineData("read_text_file", "read text file")]
    [InlineData("deleteAll", "delete all")]
    [InlineData("DeleteAll", "delete all")]
    [InlineData("HTMLParser", "html parser")]
    [InlineData("getHTTPResponse", "get http response")]
    [InlineData("utf8Decode", "utf 8 decode")]
    [InlineData("list directory.v2", "list directory v 2")]
    [InlineData("__x__", "x")]
    [InlineData("SHELL", "shell")]
    [InlineData("", "")]
    public void Names_split_on_separators_humps_and_digits(string name, string words)
    {
        Assert.Equal(words, string.Join(' ', ToolWords.OfName(name)));
    }

    [Theory]
    [InlineData("Read a file. Then delete it.", "read a file")]
    [InlineData("  Uses v1.2 of file.txt here! More", "uses v 1 2 of file txt here")]
    [InlineData("Lists roots\nDeletes nothing", "lists roots")]
    [InlineData("No end", "no end")]
    public void First_sentence_ends_at_a_stop_before_a_space_or_at_a_line_break(string description, string words)
    {
        Assert.Equal(words, string.Join(' ', ToolWords.OfFirstSentence(description)));
    }
}
