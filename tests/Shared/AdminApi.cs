using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.Testing;

/// <summary>The operator API of the replicas (<c>/admin</c>), with one admin token.</summary>
internal sealed class AdminApi(string adminToken)
{
    // Longer than any answer the admin API takes: its own retries during a membership change end in a 503.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>Sends a request and returns whatever the replica answered.</summary>
    public async Task<AdminAnswer> SendAsync(HttpMethod method, Uri replica, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(replica, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        return new AdminAnswer(
            $"{method} {request.RequestUri}",
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.RetryAfter?.ToString(),
            await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends a request that must be answered <paramref name="expected"/>, and returns the body.</summary>
    public async Task<JsonNode?> ExpectAsync(HttpStatusCode expected, HttpMethod method, Uri replica, string path, string? body = null) =>
        (await SendAsync(method, replica, path, body)).Expect(expected);

    /// <summary><c>GET</c> that must be answered 200; the body.</summary>
    public async Task<JsonNode> GetAsync(Uri replica, string path) =>
        await ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, replica, path) ?? throw new InvalidOperationException($"GET {path} answered 200 with no body.");

    /// <summary>The counters of <paramref name="grant"/> as <c>GET /admin/counters</c> returns them.</summary>
    public async Task<JsonArray> CountersAsync(Uri replica, string grant) =>
        (await GetAsync(replica, $"/admin/counters?grant={grant}"))["counters"]!.AsArray();

    /// <summary>The silo port of the activation deciding for the named counter (from its runtime identity <c>S{ip}:{port}:{generation}</c>).</summary>
    public static int SiloPortOf(JsonArray counters, string counter)
    {
        var silo = (string)counters.Single(c => (string?)c!["counter"] == counter)!["silo"]!;
        return int.Parse(silo.Split(':')[1], CultureInfo.InvariantCulture);
    }
}
