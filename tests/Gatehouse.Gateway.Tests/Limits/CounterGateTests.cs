using Gatehouse.Gateway.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Gateway.Tests.Limits;

public sealed class CounterGateTests
{
    private static LimitRule Limit(LimitScope scope) => new("spend", new WindowSpec(86400), 5000, scope, WindowAlgorithm.Fixed, "amount");

    [Theory]
    [InlineData(LimitScope.Grant, "s1", "grant:ci/files/spend")]
    [InlineData(LimitScope.Session, "s1", "session:s1/files/spend")]
    [InlineData(LimitScope.Session, null, "grant:ci/files/spend")]
    [InlineData(LimitScope.Global, "s1", "global/files/spend")]
    public void Counter_keys_name_scope_upstream_and_counter(LimitScope scope, string? session, string key) =>
        Assert.Equal(key, CounterGate.KeyOf(new CallScope("files", "ci", session), Limit(scope)));

    [Theory]
    [InlineData("alice", "subject:ci:alice/files/spend")]
    [InlineData("auth0|5f7c", "subject:ci:auth0%7C5f7c/files/spend")]
    // A subject cannot reach into another key: its '/' and ':' are escaped.
    [InlineData("x/files/other", "subject:ci:x%2Ffiles%2Fother/files/spend")]
    [InlineData("ci:bob", "subject:ci:ci%3Abob/files/spend")]
    public void Subject_keys_hold_the_grant_and_the_escaped_subject(string subject, string key) =>
        Assert.Equal(key, CounterGate.KeyOf(new CallScope("files", "ci", "s1", subject), Limit(LimitScope.Subject)));

    [Fact]
    public void A_static_token_has_no_subject_and_spends_the_grants_budget() =>
        Assert.Equal("grant:ci/files/spend", CounterGate.KeyOf(new CallScope("files", "ci", "s1", Subject: null), Limit(LimitScope.Subject)));
}
