using System.Text.Json.Nodes;
using Gatehouse.Policy;
using Gatehouse.Policy.Tools;

namespace Gatehouse.Policy.Tests.Tools;

public sealed class PinnedDefinitionTests
{
    private static JsonObject Tool(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Key_order_and_whitespace_do_not_change_the_hash()
    {
        var a = PinnedDefinition.From(Tool("""{ "name": "echo", "description": "Echoes.", "inputSchema": { "type": "object", "properties": { "m": { "type": "string" } } } }"""))!;
        var b = PinnedDefinition.From(Tool("""{"inputSchema":{"properties":{"m":{"type":"string"}},"type":"object"},"description":"Echoes.","name":"echo"}"""))!;

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(64, a.Sha256.Length);
    }

    [Fact]
    public void Meta_and_icons_are_not_pinned_but_every_field_that_tells_what_the_tool_does_is()
    {
        var plain = PinnedDefinition.From(Tool("""{ "name": "echo", "description": "Echoes." }"""))!;
        var withMeta = PinnedDefinition.From(Tool("""{ "name": "echo", "description": "Echoes.", "_meta": { "x": 1 }, "icons": [ { "src": "a.png" } ] }"""))!;

        Assert.Equal(plain.Sha256, withMeta.Sha256);
        foreach (var changed in new[]
        {
            """{ "name": "echo", "description": "Echoes!" }""",
            """{ "name": "echo", "description": "Echoes.", "title": "Echo" }""",
            """{ "name": "echo", "description": "Echoes.", "inputSchema": { "type": "object" } }""",
            """{ "name": "echo", "description": "Echoes.", "outputSchema": { "type": "object" } }""",
            """{ "name": "echo", "description": "Echoes.", "annotations": { "readOnlyHint": true } }""",
        })
        {
            Assert.NotEqual(plain.Sha256, PinnedDefinition.From(Tool(changed))!.Sha256);
        }
    }

    [Fact]
    public void An_entry_without_a_name_has_no_definition()
    {
        Assert.Null(PinnedDefinition.From(Tool("""{ "description": "nameless" }""")));
        Assert.Null(PinnedDefinition.From(Tool("""{ "name": 7 }""")));
    }

    [Fact]
    public void Description_and_hints_are_read_back_for_the_risk_classifier_and_bad_hints_are_ignored()
    {
        var described = PinnedDefinition.From(Tool("""{ "name": "rm", "description": "Removes.", "annotations": { "destructiveHint": true } }"""))!.Describe();
        var badHint = PinnedDefinition.From(Tool("""{ "name": "rm", "annotations": { "destructiveHint": "yes" } }"""))!.Describe();

        Assert.Equal(new ToolDescription("rm", "Removes.", new ToolAnnotationsHints(null, true, null, null)), described);
        Assert.Equal(new ToolDescription("rm", null, ToolAnnotationsHints.None), badHint);
    }
}
