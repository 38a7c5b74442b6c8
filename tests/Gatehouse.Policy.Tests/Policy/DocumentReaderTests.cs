namespace Gatehouse.Policy.Tests;

public sealed class DocumentReaderTests
{
    [Fact]
    public void Missing_version_is_a_fault()
    {
        Policies.HasOnlyFault("""{ "default": "deny" }""", "version", "is required");
    }

    [Fact]
    public void Version_must_be_a_string()
    {
        Policies.HasOnlyFault("""{ "version": 1 }""", "version", "must be a string, found number");
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    public void Version_must_not_be_empty(string version)
    {
        Policies.HasOnlyFault($$"""{ "version": {{version}} }""", "version", "must not be empty");
    }

    [Theory]
    [InlineData("allow", DefaultAction.Allow)]
    [InlineData("deny", DefaultAction.Deny)]
    public void Default_accepts_allow_and_deny(string name, DefaultAction expected)
    {
        Assert.Equal(expected, Policies.Valid($$"""{ "version": "1", "default": "{{name}}" }""").Default);
    }

    [Fact]
    public void Default_other_than_allow_or_deny_is_a_fault()
    {
        Policies.HasOnlyFault("""{ "version": "1", "default": "Allow" }""", "default", "must be 'allow' or 'deny', found 'Allow'");
    }

    [Fact]
    public void Default_of_the_wrong_type_names_the_expected_type()
    {
        Policies.HasOnlyFault("""{ "version": "1", "default": true }""", "default", "must be a string, found boolean");
    }

    [Fact]
    public void Unknown_top_level_key_is_a_fault()
    {
        Policies.HasOnlyFault("""{ "version": "1", "defualt": "allow" }""", "defualt", "unknown key 'defualt'");
    }

    [Fact]
    public void Duplicate_key_is_a_fault()
    {
        Policies.HasOnlyFault("""{ "version": "1", "default": "allow", "default": "deny" }""", "default", "duplicate key 'default'");
    }

    [Fact]
    public void All_tools_must_be_an_object_with_only_limits()
    {
        Policies.HasOnlyFault("""{ "version": "1", "all_tools": [] }""", "all_tools", "must be an object, found array");
        Policies.HasOnlyFault("""{ "version": "1", "all_tools": { "limit": [] } }""", "all_tools.limit", "unknown key 'limit'");
    }

    [Fact]
    public void All_tools_limits_are_read()
    {
        var policy = Policies.Valid("""
            { "version": "1", "all_tools": { "limits": [
                { "counter": "a", "window": "second", "max": 1 },
                { "counter": "b", "window": "day", "max": 2 } ] } }
            """);

        Assert.Equal(["a", "b"], policy.AllToolsLimits.Select(limit => limit.Counter));
    }

    [Fact]
    public void Tools_must_be_an_object()
    {
        Policies.HasOnlyFault("""{ "version": "1", "tools": ["echo"] }""", "tools", "must be an object, found array");
    }

    [Fact]
    public void Each_tool_must_be_an_object()
    {
        Policies.HasOnlyFault("""{ "version": "1", "tools": { "echo": "allow" } }""", "tools.echo", "must be an object, found string");
    }

    [Fact]
    public void Tool_name_that_is_not_a_plain_name_is_quoted_in_paths()
    {
        Policies.HasOnlyFault(
            """{ "version": "1", "tools": { "files.read": { "action": "nope" } } }""",
            "tools[\"files.read\"].action",
            "must be 'allow', 'deny', 'hide' or 'approve', found 'nope'");
    }

    [Fact]
    public void Duplicate_tool_is_a_fault()
    {
        Policies.HasOnlyFault("""{ "version": "1", "tools": { "a": {}, "a": {} } }""", "tools.a", "duplicate tool 'a'");
    }

    [Fact]
    public void Empty_tool_name_is_a_fault()
    {
        Policies.HasOnlyFault("""{ "version": "1", "tools": { "": {} } }""", "tools[\"\"]", "must not be empty");
    }
}
