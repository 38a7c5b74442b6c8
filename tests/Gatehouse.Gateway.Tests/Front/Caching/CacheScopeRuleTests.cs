using Gatehouse.Gateway.Front.Caching;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Tests.Front.Caching;

public sealed class CacheScopeRuleTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData(CacheScope.Public, false)]
    [InlineData(CacheScope.Private, false)]
    [InlineData(null, true)]
    [InlineData(CacheScope.Public, true)]
    public void The_aggregate_endpoint_is_always_private(CacheScope? upstream, bool actsForEndUser) =>
        Assert.Equal(CacheScope.Private, CacheScopeRule.ScopeFor(EndpointKind.Aggregate, upstream, actsForEndUser));

    [Theory]
    [InlineData(null)]
    [InlineData(CacheScope.Public)]
    [InlineData(CacheScope.Private)]
    public void An_upstream_acting_for_the_end_user_is_private_whatever_it_says(CacheScope? upstream) =>
        Assert.Equal(CacheScope.Private, CacheScopeRule.ScopeFor(EndpointKind.Upstream, upstream, actsForEndUser: true));

    [Theory]
    [InlineData(null)]
    [InlineData(CacheScope.Public)]
    [InlineData(CacheScope.Private)]
    public void Otherwise_an_upstream_endpoint_says_what_its_upstream_said(CacheScope? upstream) =>
        Assert.Equal(upstream, CacheScopeRule.ScopeFor(EndpointKind.Upstream, upstream, actsForEndUser: false));
}
