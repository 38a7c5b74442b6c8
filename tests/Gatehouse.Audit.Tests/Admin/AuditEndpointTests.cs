using System.Net;
using System.Text.Json;
using Gatehouse.Audit.Tests.TestSupport;
using Gatehouse.Host.Admin;
using Gatehouse.Storage.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Audit.Tests.Admin;

/// <summary><c>GET /admin/audit</c> over real HTTP, on a real SQLite store.</summary>
public sealed class AuditEndpointTests : IAsyncLifetime
{
    private readonly SqliteFile _file = new();
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IAuditStore>(_file.Store);
        _app = builder.Build();
        // Through a Delegate: ASP.NET Core's route handler analyzer fails (AD0001) on a method group from another
        // assembly (dotnet/aspnetcore#68976); the host maps the method group itself, in its own assembly.
        Delegate handler = AuditEndpoint.GetAsync;
        _app.MapGroup("/admin").MapGet("/audit", handler);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _file.Dispose();
    }

    [Fact]
    public async Task Filters_and_pages_answer_entries_newest_first_with_utc_times()
    {
        await _file.Store.WriteAsync(
            Entries.Range(0, 9, n => Entries.Make(n, grant: n % 3 == 0 ? "ops" : "ci-agent", action: n % 2 == 0 ? AuditActions.Allow : AuditActions.Deny)),
            CancellationToken.None);

        using var first = await GetJsonAsync("/admin/audit?grant=ops&pageSize=2");
        using var second = await GetJsonAsync("/admin/audit?grant=ops&pageSize=2&page=2");
        using var denied = await GetJsonAsync($"/admin/audit?action=deny&from={Entries.Epoch.AddMilliseconds(3):O}&to={Entries.Epoch.AddMilliseconds(7):O}".Replace("+", "%2B", StringComparison.Ordinal));

        Assert.Equal(["t6", "t3"], Traces(first));
        Assert.True(first.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.Equal(1, first.RootElement.GetProperty("page").GetInt32());
        Assert.Equal(2, first.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal(["t0"], Traces(second));
        Assert.False(second.RootElement.GetProperty("hasMore").GetBoolean());
        Assert.Equal(["t5", "t3"], Traces(denied));

        var entry = first.RootElement.GetProperty("entries")[0];
        Assert.Equal("2026-03-01T12:00:00.006Z", entry.GetProperty("at").GetString());
        Assert.Equal("ops", entry.GetProperty("grantId").GetString());
        Assert.Equal("/default", entry.GetProperty("rulePointer").GetString());
        Assert.Equal("7@r3", entry.GetProperty("policyVersion").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("arguments").ValueKind);
        Assert.Equal(0, entry.GetProperty("upstreamStatus").GetInt32());
    }

    [Fact]
    public async Task Without_parameters_it_answers_the_newest_fifty()
    {
        await _file.Store.WriteAsync(Entries.Range(0, 60), CancellationToken.None);

        using var page = await GetJsonAsync("/admin/audit");

        Assert.Equal(50, page.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal("t59", Traces(page)[0]);
        Assert.Equal(50, page.RootElement.GetProperty("pageSize").GetInt32());
        Assert.True(page.RootElement.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Recorded_arguments_are_shown_as_json()
    {
        await _file.Store.WriteAsync([Entries.Make(0, argumentsJson: """{"message":"hi"}""")], CancellationToken.None);

        using var page = await GetJsonAsync("/admin/audit");

        Assert.Equal("hi", page.RootElement.GetProperty("entries")[0].GetProperty("arguments").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_offset_whose_plus_arrived_as_a_space_is_still_read()
    {
        await _file.Store.WriteAsync([Entries.Make(0, at: Entries.Epoch), Entries.Make(1, at: Entries.Epoch.AddHours(1))], CancellationToken.None);

        using var page = await GetJsonAsync("/admin/audit?from=2026-03-01T14:30:00+02:00"); // 12:30 UTC

        Assert.Equal(["t1"], Traces(page));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01T00:00:00Z", "to")]
    [InlineData("action=maybe", "action")]
    [InlineData("action=DENY", "action")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from")]
    public async Task A_bad_value_is_refused_with_a_message_naming_its_parameter(string query, string parameter)
    {
        using var response = await Client.GetAsync(new Uri("/admin/audit?" + query, UriKind.Relative));

        using var body = JsonDocument.Parse(await response.EnsureStatusAsync(HttpStatusCode.BadRequest));
        Assert.Equal("invalid_parameter", body.RootElement.GetProperty("error").GetString());
        Assert.StartsWith(parameter + ":", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return JsonDocument.Parse(await response.EnsureStatusAsync(HttpStatusCode.OK));
    }

    private static List<string?> Traces(JsonDocument page) =>
        [.. page.RootElement.GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("traceId").GetString())];
}
