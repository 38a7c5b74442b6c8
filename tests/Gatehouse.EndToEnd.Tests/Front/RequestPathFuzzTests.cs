using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Gatehouse.Testing;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary>
/// Thousands of mutated requests (seeded, so a failure replays) against one replica: none gets a 5xx,
/// none reaches a tool (or arguments) that policy denies, and none leaves grain activations behind.
/// </summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class RequestPathFuzzTests(CoreGatewayFixture fixture, ITestOutputHelper output)
{
    private const int Mutations = 2000;

    /// <summary>Well-formed bodies the mutations start from; get-secret is denied and transfer to acct-000 is refused by policy.</summary>
    private static readonly string[] Seeds =
    [
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get-secret","arguments":{}}}""",
        """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"transfer","arguments":{"amount":5,"to":"acct-000"}}}""",
        """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hi"},"_meta":{"progressToken":"p"}}}""",
        """{"jsonrpc":"2.0","id":"g","method":"tools/list","params":{"cursor":"abc"}}""",
        """{"jsonrpc":"2.0","id":"gatehouse-0123456789abcdef0123456789abcdef","result":{"role":"assistant","content":{"type":"text","text":"x"},"model":"m"}}""",
        """{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":3,"reason":"r"}}""",
        """{"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"file:///etc/passwd"}}""",
    ];

    private static readonly string[] Fragments =
        ["\"get-secret\"", "\"name\":\"get-secret\"", "null", "[]", "{}", "true", "-1", "1e309", "\"\\ud800\"", "\"\\u0000\"", ",", ":", "\"", "{", "}", "[", "]", "\"method\":42", "\"id\":null", "\"arguments\":[]"];

    [Fact]
    public async Task Mutated_requests_get_no_5xx_reach_no_denied_tool_and_leave_nothing_behind()
    {
        await using var session = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("test"), fixture.Gateway.TokenOf("alpha"));
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        var activationsBefore = await ActivationsAsync();
        var random = new Random(20261204);
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < Mutations; i++)
        {
            var body = Mutate(Seeds[random.Next(Seeds.Length)], random);
            var mayTransfer = body.Contains("transfer", StringComparison.Ordinal);
            var transfersBefore = mayTransfer ? (await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint)).Of("transfer") : 0;
            using var response = await session.PostAsync(body);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                Assert.Fail($"Mutation {i} got {status}: {body}\n{await response.Content.ReadAsStringAsync()}");
            }

            // Drain the answer, so each request ends before the next one starts.
            await response.Content.ReadAsStringAsync();
            if (mayTransfer && (await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint)).Of("transfer") != transfersBefore)
            {
                // A mutation may make a transfer policy allows (another account); it must be one, read strictly.
                Assert.True(AllowedTransfer(body), $"Mutation {i} ran a transfer policy refuses: {body}");
            }
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"HTTP {s.Key}: {s.Value}")));
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(before.Of("get-secret"), after.Of("get-secret"));

        // What the requests activated (reply grains of made-up ids, session lookups) goes away by itself.
        var settled = await Eventually.ValueAsync(ActivationsAsync, now => now <= activationsBefore + 5, now => $"{now} activations, {activationsBefore} before the mutations");
        output.WriteLine($"grain activations: {activationsBefore} before, {settled} after");
    }

    /// <summary>
    /// Whether <paramref name="body"/> is, read strictly (JsonNode refuses repeated members), a call of
    /// transfer that policy lets through: both required arguments, and not to the frozen account.
    /// </summary>
    private static bool AllowedTransfer(string body)
    {
        try
        {
            var call = JsonNode.Parse(body)?["params"];
            return (string?)call?["name"] == "transfer"
                && call["arguments"] is JsonObject arguments
                && arguments["amount"] is not null
                && arguments["to"] is JsonNode to && !(to is JsonValue value && value.TryGetValue<string>(out var account) && account == "acct-000");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>One to three random edits: a fragment put in, a span cut out, a byte changed, or the body cut short.</summary>
    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                    break;
                case 2:
                    text[at] = (char)random.Next(0x20, 0x7F);
                    break;
                case 3:
                    text.Length = at;
                    break;
                default:
                    // A member repeated: the same name once more, just after the first.
                    var names = Regex.Matches(text.ToString(), "\"([a-zA-Z_]+)\":").ToList();
                    if (names.Count > 0)
                    {
                        var name = names[random.Next(names.Count)];
                        text.Insert(name.Index, $"{name.Value}\"dup\",");
                    }

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The replica's grain activations, from its own Prometheus metrics.</summary>
    private async Task<long> ActivationsAsync()
    {
        using var http = fixture.Gateway.HttpFor(grant: null);
        using var response = await http.GetAsync("/metrics");
        var text = await response.EnsureStatusAsync(System.Net.HttpStatusCode.OK);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("orleans_catalog_activations", StringComparison.Ordinal) && !l.StartsWith("orleans_catalog_activations_", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The replica's metrics have no orleans_catalog_activations.");
        return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
