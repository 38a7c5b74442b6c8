namespace Gatehouse.Deployment.Tests.Configuration;

public sealed class ConfigurationKeysTests
{
    [Theory]
    [InlineData("Gatehouse__Cluster__ConnectionString")]
    [InlineData("Gatehouse__Cluster__AdvertisedAddress")]
    [InlineData("Gatehouse__Counters__Durability")]
    [InlineData("Gatehouse__AdminTokenSha256")]
    [InlineData("Gatehouse__MaxRequestBodyBytes")]
    [InlineData("Gatehouse__ResumptionMinutes")]
    [InlineData("Gatehouse__Grants__demo-agent__TokenSha256")]
    [InlineData("Gatehouse__Grants__demo-agent__Upstreams__0")]
    [InlineData("Gatehouse__Upstreams__everything__Url")]
    [InlineData("Gatehouse__Upstreams__everything__Headers__Authorization")]
    [InlineData("Gatehouse__Upstreams__files__Args__1")]
    [InlineData("gatehouse__cluster__siloport")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("POD_IP")]
    public void A_key_the_app_binds_is_accepted(string name)
    {
        Assert.Null(ConfigurationKeys.Problem(name));
    }

    [Theory]
    [InlineData("Gatehouse__Cluster__SiloPrt")]
    [InlineData("Gatehouse__Cluster")]
    [InlineData("Gatehouse__Grants__demo-agent__Token")]
    [InlineData("Gatehouse__Grants__demo-agent__Upstreams__first")]
    [InlineData("Gatehouse__AdminTokenSha256__x")]
    [InlineData("Gatehouse__Upstream__everything__Url")]
    [InlineData("GATEHOUSE_ADMIN_TOKEN")]
    [InlineData("POD_HOST")]
    public void A_key_the_app_does_not_bind_is_refused(string name)
    {
        Assert.NotNull(ConfigurationKeys.Problem(name));
    }
}
