using System.Net;

namespace Gatehouse.Testing;

/// <summary>Every test that reads an HTTP answer checks its status first, and a wrong one fails with the body.</summary>
internal static class HttpResponseStatus
{
    /// <summary>The body as text, once the status is <paramref name="expected"/>; otherwise throws <see cref="UnexpectedStatusException"/> with the body.</summary>
    public static async Task<string> EnsureStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new UnexpectedStatusException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}", expected, response.StatusCode, body);
        }

        return body;
    }
}
