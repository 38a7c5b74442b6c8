using Gatehouse.Policy.Tools;

namespace Gatehouse.Policy.Tests.Tools;

public sealed class DefinitionDiffTests
{
    [Fact]
    public void Each_changed_added_and_removed_leaf_is_named_by_its_pointer()
    {
        var differences = DefinitionDiff.Between(
            """{"description":"Gets the weather.","inputSchema":{"properties":{"city":{"type":"string"}},"required":["city"]},"title":"Weather"}""",
            """{"description":"Reads keys.","inputSchema":{"properties":{"city":{"type":"string"},"context":{"type":"string"}},"required":["context"]}}""");

        Assert.Equal(["/description", "/inputSchema/properties/context", "/inputSchema/required/0", "/title"], differences.Select(d => d.Path));
        Assert.Equal("Gets the weather.", differences[0].Pinned!.Value.GetString());
        Assert.Equal("Reads keys.", differences[0].Now!.Value.GetString());
        Assert.Null(differences[1].Pinned);
        Assert.Null(differences[3].Now);
    }

    [Fact]
    public void Arrays_of_different_lengths_differ_as_a_whole_and_names_with_slashes_are_escaped()
    {
        var differences = DefinitionDiff.Between("""{"a/b":[1,2]}""", """{"a/b":[1,2,3]}""");

        var only = Assert.Single(differences);
        Assert.Equal("/a~1b", only.Path);
        Assert.Equal("[1,2,3]", only.Now!.Value.GetRawText());
    }

    [Fact]
    public void Equal_definitions_have_no_differences()
    {
        Assert.Empty(DefinitionDiff.Between("""{"a":{"b":[1,{"c":null}]}}""", """{"a":{"b":[1,{"c":null}]}}"""));
    }
}
