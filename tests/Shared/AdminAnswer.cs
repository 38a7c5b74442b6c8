using System.Net;
using System.Text.Json.Nodes;

namespace Gatehouse.Testing;

/// <summary>What the admin API answered: the status, the content type and the body.</summary>
internal sealed record AdminAnswer(string Request, HttpStatusCode Status, string? ContentType, string? RetryAfter, string Text)
{
    /// <summary>The body as JSON (null when empty).</summary>
    public JsonNode? Body => Text.Length == 0 ? null : JsonNode.Parse(Text);

    /// <summary>The body as JSON once the status is <paramref name="expected"/>; otherwise throws with the body.</summary>
    public JsonNode? Expect(HttpStatusCode expected) =>
        Status == expected ? Body : throw new UnexpectedStatusException(Request, expected, Status, Text);
}
