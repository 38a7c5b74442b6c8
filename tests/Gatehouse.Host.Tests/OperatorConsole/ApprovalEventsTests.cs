using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Host.Tests.OperatorConsole;

/// <summary>The approval event stream and the webhook, with approvals requested of the replica's own grains.</summary>
public sealed class ApprovalEventsTests(ConsoleReplicas replicas) : IClassFixture<ConsoleReplicas>
{
    private readonly AdminApi _admin = new(ConsoleReplicas.AdminToken);

    [Fact]
    public async Task The_event_stream_tells_the_console_when_a_call_is_held_and_when_it_is_decided()
    {
        var (cookie, _, csrf) = await ConsoleSessionTests.SignInAsync(replicas.A.BaseUrl);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(replicas.A.BaseUrl, "/admin/approvals/events"));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());

        var opening = await NextEventAsync(events);
        // The replica's first read of the approval index starts the watch; it reports too. Changes come after it.
        await NextEventAsync(events);
        var id = $"events-{Guid.NewGuid():N}";
        var grain = Grains().GetGrain<IApprovalGrain>(id);
        await grain.RequestAsync(new ApprovalRequest("agent", "bank", "transfer", """{"amount":10}""", "operator", 600, "/tools/transfer", "high"));
        var held = await NextEventAsync(events);

        Assert.Equal("approvals", opening.Name);
        Assert.Equal("approvals", held.Name);
        var pending = (await _admin.GetAsync(replicas.A.BaseUrl, "/admin/approvals"))["approvals"]!.AsArray().Single(a => (string?)a!["id"] == id)!;
        Assert.Equal("/tools/transfer", (string?)pending["rule"]);
        Assert.Equal("high", (string?)pending["risk"]);
        Assert.Equal(10, (int)pending["arguments"]!["amount"]!);

        using var approve = await ConsoleSessionTests.SendAsync(HttpMethod.Post, replicas.A.BaseUrl, $"/admin/approvals/{id}/approve", cookie, csrf);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var decided = await NextEventAsync(events);

        Assert.Equal("approvals", decided.Name);
        var recent = (await _admin.GetAsync(replicas.A.BaseUrl, "/admin/approvals/decided"))["approvals"]!.AsArray().Single(a => (string?)a!["id"] == id)!;
        Assert.Equal("approved", (string?)recent["state"]);
        Assert.Equal("operator", (string?)recent["decidedBy"]);
    }

    [Fact]
    public async Task A_new_pending_approval_is_posted_to_the_webhook_and_retried_after_a_failure()
    {
        var id = $"webhook-{Guid.NewGuid():N}";
        var view = await Grains().GetGrain<IApprovalGrain>(id)
            .RequestAsync(new ApprovalRequest("agent", "bank", "transfer", """{"amount":25,"to":"acct-9"}""", "operator", 600, "/tools/transfer", "high"));

        var posts = await Eventually.ValueAsync(
            () => Task.FromResult(replicas.Webhooks.Where(body => (string?)body["id"] == id).ToList()),
            bodies => bodies.Count >= 2,
            bodies => $"{bodies.Count} POST(s) for {id}");

        // The receiver answers the first POST of each approval 503: the second is the retry, with the same body.
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].ToJsonString(), posts[1].ToJsonString());
        var body = posts[^1];
        Assert.Equal("agent", (string?)body["grant"]);
        Assert.Equal("bank", (string?)body["upstream"]);
        Assert.Equal("transfer", (string?)body["tool"]);
        Assert.Equal("high", (string?)body["risk"]);
        Assert.Equal("/tools/transfer", (string?)body["rule"]);
        Assert.Equal("acct-9", (string?)body["arguments"]!["to"]);
        Assert.Equal($"https://gatehouse.example/console/#/approvals/{id}", (string?)body["url"]);
        Assert.Contains("'transfer' on 'bank'", (string?)body["text"], StringComparison.Ordinal);
        Assert.Contains((string)body["url"]!, (string?)body["text"], StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Pending, view.State);
    }

    private IGrainFactory Grains() => replicas.A.Services.GetRequiredService<IGrainFactory>();

    private static Task<(string Name, string Data)> NextEventAsync(StreamReader reader) => ReadEventAsync(reader).WaitAsync(Eventually.Ceiling);

    private static async Task<(string Name, string Data)> ReadEventAsync(StreamReader reader)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0 && name is not null)
            {
                return (name, data ?? string.Empty);
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
