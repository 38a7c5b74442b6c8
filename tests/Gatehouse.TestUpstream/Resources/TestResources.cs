using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Resources;

[McpServerResourceType]
internal sealed class TestResources
{
    [McpServerResource(UriTemplate = "test://static/hello", Name = "hello", MimeType = "text/plain")]
    [Description("A static greeting.")]
    public static string Hello() => "hello from the test upstream";

    [McpServerResource(UriTemplate = "test://items/{id}", Name = "item", MimeType = "text/plain")]
    [Description("One item, by id.")]
    public static string Item([Description("The item's id.")] string id) => $"item {id}";
}
