using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>The operator API of a replica.</summary>
internal static class AdminApi
{
    /// <summary>
    /// The silo port of the activation deciding for a grant's counter, from <c>GET /admin/counters</c>
    /// (its <c>silo</c> is the runtime identity <c>S{ip}:{port}:{generation}</c>). Asking activates the counter grain.
    /// </summary>
    public static async Task<int> SiloPortOfCounterAsync(InProcessReplica replica, string adminToken, string grant, string counter)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(replica.BaseUrl, $"/admin/counters?grant={grant}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var counters = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["counters"]!.AsArray();
        var silo = (string)counters.Single(c => (string?)c!["counter"] == counter)!["silo"]!;
        return int.Parse(silo.Split(':')[1], CultureInfo.InvariantCulture);
    }
}
