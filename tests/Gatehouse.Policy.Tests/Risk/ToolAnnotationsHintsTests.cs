namespace Gatehouse.Policy.Tests;

public sealed class ToolAnnotationsHintsTests
{
    [Fact]
    public void Reads_the_four_hints_and_ignores_other_keys()
    {
        var hints = ToolAnnotationsHints.FromJson(Arguments.Of("""
            { "title": "Write", "readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false }
            """));

        Assert.Equal(new ToolAnnotationsHints(false, true, true, false), hints);
        Assert.True(hints.Any);
    }

    [Fact]
    public void Absent_and_null_hints_are_unknown()
    {
        Assert.Equal(new ToolAnnotationsHints(true, null, null, null), ToolAnnotationsHints.FromJson(Arguments.Of("""{ "readOnlyHint": true, "openWorldHint": null }""")));
    }

    [Fact]
    public void No_annotations_are_no_hints()
    {
        Assert.Same(ToolAnnotationsHints.None, ToolAnnotationsHints.FromJson(Arguments.None));
        Assert.Same(ToolAnnotationsHints.None, ToolAnnotationsHints.FromJson(Arguments.Of("null")));
        Assert.False(ToolAnnotationsHints.None.Any);
        Assert.False(ToolAnnotationsHints.FromJson(Arguments.Of("{}")).Any);
    }

    [Fact]
    public void Hint_that_is_not_a_boolean_is_refused_by_name()
    {
        var error = Assert.Throws<FormatException>(() => ToolAnnotationsHints.FromJson(Arguments.Of("""{ "readOnlyHint": "true" }""")));

        Assert.Equal("annotations.readOnlyHint must be a boolean, found string", error.Message);
    }

    [Fact]
    public void Annotations_must_be_an_object()
    {
        var error = Assert.Throws<FormatException>(() => ToolAnnotationsHints.FromJson(Arguments.Of("[]")));

        Assert.Equal("annotations must be a JSON object, found array", error.Message);
    }
}
