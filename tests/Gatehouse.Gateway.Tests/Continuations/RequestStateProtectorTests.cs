using System.Text.Json.Nodes;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Continuations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Tests.Continuations;

public sealed class RequestStateProtectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static RequestStateProtector Protector(string? key = null, string admin = "aa") => new(Options.Create(new GatehouseOptions
    {
        RequestStateKey = key,
        AdminTokenSha256 = new string(admin[0], 64),
    }), NullLogger<RequestStateProtector>.Instance);

    private static JsonObject Payload() => new() { ["approval"] = "abc", ["ticket"] = 3 };

    [Fact]
    public void A_state_reads_back_on_another_replica_of_the_same_configuration_until_it_expires()
    {
        var state = Protector().Protect("approval", Payload(), Now.AddMinutes(5));

        Assert.Equal(Payload().ToJsonString(), Protector().Unprotect("approval", state, Now.AddMinutes(4))?.ToJsonString());
        Assert.Null(Protector().Unprotect("approval", state, Now.AddMinutes(5)));
    }

    [Fact]
    public void A_state_altered_in_any_character_is_not_read()
    {
        var state = Protector().Protect("approval", Payload(), Now.AddMinutes(5));

        for (var i = 0; i < state.Length; i++)
        {
            if (state[i] == '.')
            {
                continue;
            }

            var altered = string.Concat(state.AsSpan(0, i), state[i] == 'A' ? "B" : "A", state.AsSpan(i + 1));
            Assert.Null(Protector().Unprotect("approval", altered, Now));
        }
    }

    [Fact]
    public void A_state_of_another_purpose_or_another_cluster_or_no_state_at_all_is_not_read()
    {
        var state = Protector().Protect("approval", Payload(), Now.AddMinutes(5));
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        Assert.Null(Protector().Unprotect("upstream-input", state, Now));
        Assert.Null(Protector(admin: "bb").Unprotect("approval", state, Now));
        Assert.Null(Protector(key).Unprotect("approval", state, Now));
        Assert.NotNull(Protector(key).Unprotect("approval", Protector(key).Protect("approval", Payload(), Now.AddMinutes(1)), Now));
        Assert.Null(Protector().Unprotect("approval", null, Now));
        Assert.Null(Protector().Unprotect("approval", "not-a-state", Now));
        Assert.Null(Protector().Unprotect("approval", "e30.e30", Now));
    }
}
