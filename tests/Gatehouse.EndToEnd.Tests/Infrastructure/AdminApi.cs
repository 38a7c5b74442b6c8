using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>The operator API of a replica, with the test admin token.</summary>
internal static class AdminApi
{
    /// <summary>The counters of <paramref name="grant"/> as <c>GET /admin/counters</c> returns them.</summary>
    public static async Task<JsonArray> CountersAsync(Uri replica, string grant)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(replica, $"/admin/counters?grant={grant}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayConfig.AdminToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!["counters"] as JsonArray)!;
    }

    /// <summary>Sends an admin request (with the test admin token) and returns the status and the body as JSON (null when empty).</summary>
    public static async Task<(System.Net.HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, Uri replica, string path, string? body = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(method, new Uri(replica, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayConfig.AdminToken);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The silo port of the activation deciding for the named counter (from its runtime identity <c>S{ip}:{port}:{generation}</c>).</summary>
    public static int SiloPortOf(JsonArray counters, string counter)
    {
        var silo = (string)counters.Single(c => (string?)c!["counter"] == counter)!["silo"]!;
        return int.Parse(silo.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
