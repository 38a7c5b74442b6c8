using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>The operator API of a replica (<c>GET /admin/counters</c>, <c>/admin/approvals</c>), with the admin token.</summary>
internal static class AdminClient
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The counters of <paramref name="grant"/>: each one's <c>counter</c>, <c>used</c>, <c>remaining</c> and <c>silo</c>.</summary>
    public static async Task<JsonArray> CountersAsync(Uri replica, string adminToken, string grant) =>
        (await SendAsync(HttpMethod.Get, replica, adminToken, $"/admin/counters?grant={Uri.EscapeDataString(grant)}"))["counters"] as JsonArray ?? [];

    /// <summary>The pending approvals: each one's <c>id</c>, <c>tool</c>, <c>arguments</c>, <c>grant</c> and <c>expiresAt</c>.</summary>
    public static async Task<JsonArray> PendingApprovalsAsync(Uri replica, string adminToken) =>
        (await SendAsync(HttpMethod.Get, replica, adminToken, "/admin/approvals"))["approvals"] as JsonArray ?? [];

    /// <summary>Approves the pending approval <paramref name="id"/>; the held call goes on.</summary>
    public static Task ApproveAsync(Uri replica, string adminToken, string id) =>
        SendAsync(HttpMethod.Post, replica, adminToken, $"/admin/approvals/{Uri.EscapeDataString(id)}/approve");

    /// <summary>The silo port of the activation deciding for the counter (runtime identity <c>S{ip}:{port}:{generation}</c>).</summary>
    public static int? SiloPortOf(JsonArray counters, string upstream, string counter)
    {
        var entry = counters.FirstOrDefault(c => (string?)c!["counter"] == counter && ((string?)c!["upstream"] ?? upstream) == upstream);
        return entry?["silo"] is { } silo ? int.Parse(((string)silo!).Split(':')[1], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The counter's <c>used</c>, or null when the grant has no such counter yet.</summary>
    public static decimal? UsedOf(JsonArray counters, string upstream, string counter)
    {
        var entry = counters.FirstOrDefault(c => (string?)c!["counter"] == counter && ((string?)c!["upstream"] ?? upstream) == upstream);
        return entry?["used"] is { } used ? (decimal)used : null;
    }

    private static async Task<JsonNode> SendAsync(HttpMethod method, Uri replica, string adminToken, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(method, new Uri(replica, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject();
    }
}
