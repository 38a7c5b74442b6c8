using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Resources;

/// <summary>The resource template (scenario resources-templates-read).</summary>
[McpServerResourceType]
internal sealed class TemplateResources
{
    [McpServerResource(UriTemplate = "test://template/{id}/data", Name = "template-data", MimeType = "application/json")]
    [Description("Data for one id; the id from the URI appears in the content.")]
    public static string TemplateData([Description("The id to read.")] string id) => new JsonObject
    {
        ["id"] = id,
        ["templateTest"] = true,
        ["data"] = $"Data for ID: {id}",
    }.ToJsonString();
}
