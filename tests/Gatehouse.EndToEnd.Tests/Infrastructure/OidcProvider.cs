using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real OpenID provider (<c>oidc-provider</c> from npm, <c>tests/node/oidc-idp.mjs</c>) on a loopback port: client
/// credentials, JWT access tokens bound to the resource asked for, and (for web clients) the authorization-code flow
/// with PKCE through its development login page, where any login signs in as that user. It signs with a key this class makes, which
/// <see cref="RotateAsync"/> replaces by restarting the provider on the same port with a new key.
/// </summary>
internal sealed class OidcProvider : IAsyncDisposable
{
    private readonly int _port;
    private readonly string _keysFile = Path.Combine(Directory.CreateTempSubdirectory("gatehouse-idp-").FullName, "keys.json");
    private readonly string _clientsJson;
    private readonly string _webClientsJson;
    private ChildProcess? _process;

    private OidcProvider(int port, IReadOnlyDictionary<string, string> clients, IReadOnlyDictionary<string, Uri>? webClients)
    {
        _port = port;
        _clientsJson = new JsonArray([.. clients.Select(c => new JsonObject { ["client_id"] = c.Key, ["client_secret"] = c.Value })]).ToJsonString();
        _webClientsJson = new JsonArray([.. (webClients ?? new Dictionary<string, Uri>()).Select(c => new JsonObject
        {
            ["client_id"] = c.Key,
            ["redirect_uris"] = new JsonArray(c.Value.ToString()),
        })]).ToJsonString();
    }

    /// <summary>The issuer URL (what tokens carry as <c>iss</c>).</summary>
    public string Issuer => $"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The id of the key it signs with now.</summary>
    public string KeyId { get; private set; } = string.Empty;

    /// <summary>Starts a provider that knows these clients (id to secret) and web clients (id to redirect URI).</summary>
    public static async Task<OidcProvider> StartAsync(IReadOnlyDictionary<string, string> clients, IReadOnlyDictionary<string, Uri>? webClients = null)
    {
        var provider = new OidcProvider(FreePort.Next(), clients, webClients);
        try
        {
            await provider.StartWithNewKeyAsync();
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>Restarts with a new signing key; the old one is no longer published.</summary>
    public async Task RotateAsync()
    {
        await _process!.DisposeAsync();
        await StartWithNewKeyAsync();
    }

    /// <summary>An access token for <paramref name="resource"/> by the client-credentials grant.</summary>
    public async Task<string> TokenAsync(string clientId, string secret, string resource)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Issuer + "/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["resource"] = resource }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token endpoint answered {(int)response.StatusCode}: {body}");
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(Path.GetDirectoryName(_keysFile)!, recursive: true);
    }

    private async Task StartWithNewKeyAsync()
    {
        KeyId = Guid.NewGuid().ToString("N");
        using var rsa = RSA.Create(2048);
        var key = rsa.ExportParameters(includePrivateParameters: true);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA", ["kid"] = KeyId, ["alg"] = "RS256", ["use"] = "sig",
            ["n"] = B64(key.Modulus!), ["e"] = B64(key.Exponent!), ["d"] = B64(key.D!), ["p"] = B64(key.P!), ["q"] = B64(key.Q!),
            ["dp"] = B64(key.DP!), ["dq"] = B64(key.DQ!), ["qi"] = B64(key.InverseQ!),
        };
        await File.WriteAllTextAsync(_keysFile, new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString());
        _process = ChildProcess.Start("node", [Paths.NodeScript("oidc-idp.mjs"), "--port", _port.ToString(CultureInfo.InvariantCulture), "--keys", _keysFile, "--clients", _clientsJson, "--web-clients", _webClientsJson]);
        await Readiness.WaitForAsync(new Uri(Issuer + "/.well-known/openid-configuration"), _process, Eventually.Ceiling);
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
