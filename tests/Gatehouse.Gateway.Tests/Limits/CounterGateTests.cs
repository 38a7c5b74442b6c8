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
}
