namespace Gatehouse.Upstreams.Tests.Configuration;

public sealed class UpstreamCredentialsTests
{
    [Fact]
    public void Static_headers_and_a_configured_bearer_token_are_sent()
    {
        var headers = UpstreamCredentials.Headers(new UpstreamOptions
        {
            Headers = { ["X-Api-Key"] = "k" },
            BearerToken = "upstream-secret",
        });

        Assert.Equal("k", headers["x-api-key"]);
        Assert.Equal("Bearer upstream-secret", headers["Authorization"]);
    }

    [Fact]
    public void A_token_file_is_read_afresh_each_time_so_rotation_is_picked_up()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "first\n");
            var options = new UpstreamOptions { BearerTokenFile = file };
            var before = UpstreamCredentials.Headers(options)["Authorization"];
            File.WriteAllText(file, "second");

            Assert.Equal("Bearer first", before);
            Assert.Equal("Bearer second", UpstreamCredentials.Headers(options)["Authorization"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Without_credentials_no_authorization_header_is_sent() =>
        Assert.False(UpstreamCredentials.Headers(new UpstreamOptions()).ContainsKey("Authorization"));
}
