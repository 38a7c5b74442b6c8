using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Configuration;

/// <summary>Cross-field rules of the <c>Gatehouse</c> section; every message names the key at fault.</summary>
internal sealed partial class GatehouseOptionsValidator : IValidateOptions<GatehouseOptions>
{
    public ValidateOptionsResult Validate(string? name, GatehouseOptions options)
    {
        var faults = new List<string>();
        ValidateUpstreams(options, faults);
        ValidateGrants(options, faults);
        ValidateAuth(options, faults);
        ValidateCluster(options.Cluster, faults);
        if (options.Counters.Durability is { } durability && durability is not (DurabilityKinds.None or DurabilityKinds.Durable))
        {
            faults.Add($"Gatehouse:Counters:Durability must be '{DurabilityKinds.None}' or '{DurabilityKinds.Durable}'.");
        }

        if (DurabilityKinds.Effective(options) == DurabilityKinds.Durable && string.IsNullOrWhiteSpace(options.Cluster.ConnectionString))
        {
            faults.Add("Gatehouse:Counters:Durability is Durable, which needs Gatehouse:Cluster:ConnectionString (PostgreSQL).");
        }

        if (options.Counters.OnStoreOutage is not (CounterOutageModes.FailClosed or CounterOutageModes.Serve))
        {
            faults.Add($"Gatehouse:Counters:OnStoreOutage must be '{CounterOutageModes.FailClosed}' or '{CounterOutageModes.Serve}'.");
        }

        if (options.AdminTokenSha256 is { } admin && !Sha256Hex().IsMatch(admin))
        {
            faults.Add("Gatehouse:AdminTokenSha256 must be 64 hex characters (the SHA-256 of the admin token).");
        }

        if (options.ResumptionMinutes is < 1 or > 1440)
        {
            faults.Add("Gatehouse:ResumptionMinutes must be between 1 and 1440 (a day).");
        }

        if (options.RequestStateKey is { } stateKey && !IsKeyOfAtLeast32Bytes(stateKey))
        {
            faults.Add("Gatehouse:RequestStateKey must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`).");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            faults.Add("Gatehouse:MaxRequestBodyBytes must be at least 1024.");
        }

        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }

    private static bool IsKeyOfAtLeast32Bytes(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written >= 32;
    }

    private static void ValidateUpstreams(GatehouseOptions options, List<string> faults)
    {
        if (options.Upstreams.Count == 0)
        {
            faults.Add("Gatehouse:Upstreams must name at least one upstream.");
        }

        foreach (var (upstream, settings) in options.Upstreams)
        {
            var key = $"Gatehouse:Upstreams:{upstream}";
            if (!UpstreamName().IsMatch(upstream))
            {
                faults.Add($"{key}: an upstream name may hold only letters, digits, '-' and '_' and must not contain '__'.");
            }

            if ((settings.Url is null) == string.IsNullOrWhiteSpace(settings.Command))
            {
                faults.Add($"{key}: give exactly one of Url (an HTTP upstream) or Command (a stdio upstream).");
            }

            if (settings.Url is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
            {
                faults.Add($"{key}:Url must be an absolute http or https URL.");
            }

            if (settings.BearerTokenFile is { Length: > 0 } tokenFile && !File.Exists(tokenFile))
            {
                faults.Add($"{key}:BearerTokenFile: file not found: {tokenFile}");
            }

            if (settings.BearerToken is not null && settings.BearerTokenFile is not null)
            {
                faults.Add($"{key}: give BearerToken or BearerTokenFile, not both.");
            }

            if (string.IsNullOrWhiteSpace(settings.Policy))
            {
                faults.Add($"{key}:Policy is required: the path of this upstream's policy document.");
            }

            if (settings.TimeoutSeconds is < 1 or > 3600)
            {
                faults.Add($"{key}:TimeoutSeconds must be between 1 and 3600.");
            }

            if (settings.ConnectTimeoutSeconds is < 1 or > 600)
            {
                faults.Add($"{key}:ConnectTimeoutSeconds must be between 1 and 600.");
            }

            ValidateProcesses(key, settings, faults);
            ValidateRevision(key, settings, faults);
        }
    }

    private static void ValidateRevision(string key, Gatehouse.Upstreams.UpstreamOptions settings, List<string> faults)
    {
        switch (settings.ProtocolVersion)
        {
            case null or Gatehouse.Upstreams.UpstreamDefaults.ProtocolVersion:
                break;
            case Gatehouse.Upstreams.UpstreamDefaults.StatelessProtocolVersion when settings.IsStdio:
                faults.Add($"{key}:ProtocolVersion {settings.ProtocolVersion} applies to HTTP upstreams (Url) only; Gatehouse speaks 2025-11-25 to a stdio process.");
                break;
            case Gatehouse.Upstreams.UpstreamDefaults.StatelessProtocolVersion:
                break;
            default:
                faults.Add($"{key}:ProtocolVersion must be {Gatehouse.Upstreams.UpstreamDefaults.ProtocolVersion} or {Gatehouse.Upstreams.UpstreamDefaults.StatelessProtocolVersion}, not '{settings.ProtocolVersion}'.");
                break;
        }

        if (settings.Sessionless && !settings.SpeaksStateless)
        {
            faults.Add($"{key}:Sessionless applies to an HTTP upstream with ProtocolVersion {Gatehouse.Upstreams.UpstreamDefaults.StatelessProtocolVersion} only.");
        }
    }

    private static void ValidateProcesses(string key, Gatehouse.Upstreams.UpstreamOptions settings, List<string> faults)
    {
        if (settings.ProcessPerSession && !settings.IsStdio)
        {
            faults.Add($"{key}:ProcessPerSession applies to stdio upstreams (Command) only; an HTTP upstream already gives each agent session a session of its own.");
        }

        if (settings.MaxProcesses is < 1 or > 10_000)
        {
            faults.Add($"{key}:MaxProcesses must be between 1 and 10000.");
        }

        if (settings.ProcessIdleSeconds is < 5 or > 86_400)
        {
            faults.Add($"{key}:ProcessIdleSeconds must be between 5 and 86400.");
        }

        if (settings.MaxProcessMemoryMb is < 1 or > 1_048_576)
        {
            faults.Add($"{key}:MaxProcessMemoryMb must be between 1 and 1048576 (MiB), or absent for no limit.");
        }
    }

    private static void ValidateGrants(GatehouseOptions options, List<string> faults)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (grant, settings) in options.Grants)
        {
            var key = $"Gatehouse:Grants:{grant}";
            if (settings.TokenSha256 is null && settings.Match.Count > 0)
            {
                // Selected by an OAuth token's claims alone: no static token to check.
            }
            else if (settings.TokenSha256 is null || !Sha256Hex().IsMatch(settings.TokenSha256))
            {
                faults.Add($"{key}:TokenSha256 must be 64 hex characters (the SHA-256 of the grant's bearer token), unless {key}:Match selects it by an OAuth token's claims.");
            }
            else if (!seen.TryAdd(settings.TokenSha256, grant))
            {
                faults.Add($"{key}:TokenSha256 is the same as Gatehouse:Grants:{seen[settings.TokenSha256]}:TokenSha256; each grant needs its own token.");
            }

            for (var i = 0; i < settings.Upstreams.Count; i++)
            {
                if (!options.Upstreams.ContainsKey(settings.Upstreams[i]))
                {
                    faults.Add($"{key}:Upstreams:{i} names '{settings.Upstreams[i]}', which is not under Gatehouse:Upstreams.");
                }
            }
        }
    }

    private static void ValidateAuth(GatehouseOptions options, List<string> faults)
    {
        if (options.PublicUrl is { } publicUrl
            && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            faults.Add("Gatehouse:PublicUrl must be an absolute http or https URL without query or fragment (the base URL agents use).");
        }

        if (options.Auth.Issuers.Count > 0 && options.PublicUrl is null)
        {
            faults.Add("Gatehouse:Auth:Issuers needs Gatehouse:PublicUrl: access tokens are bound to the resource URIs derived from it.");
        }

        foreach (var (name, issuer) in options.Auth.Issuers)
        {
            var key = $"Gatehouse:Auth:Issuers:{name}";
            if (issuer.Authority is not { IsAbsoluteUri: true } authority || authority.Scheme is not ("http" or "https"))
            {
                faults.Add($"{key}:Authority must be the issuer's absolute https URL.");
            }
            else if (authority.Scheme == "http" && !authority.IsLoopback)
            {
                faults.Add($"{key}:Authority must be https (http is accepted only on a loopback address, for a local identity provider).");
            }

            if (issuer.Introspection is { } introspection && string.IsNullOrWhiteSpace(introspection.ClientId))
            {
                faults.Add($"{key}:Introspection:ClientId is required: Gatehouse asks the issuer about opaque tokens as that client.");
            }
        }

        foreach (var (name, upstream) in options.Upstreams)
        {
            if (upstream.TokenExchange is not { } exchange)
            {
                continue;
            }

            var key = $"Gatehouse:Upstreams:{name}:TokenExchange";
            if (exchange.Issuer is null || !options.Auth.Issuers.ContainsKey(exchange.Issuer))
            {
                faults.Add($"{key}:Issuer must name an issuer under Gatehouse:Auth:Issuers (the one whose token endpoint exchanges the agents' tokens).");
            }

            if (string.IsNullOrWhiteSpace(exchange.ClientId))
            {
                faults.Add($"{key}:ClientId is required: Gatehouse exchanges tokens as that client.");
            }

            if (upstream.IsStdio)
            {
                faults.Add($"{key} applies to HTTP upstreams only: a stdio upstream has no request to carry a token.");
            }
        }

        if (options.AdminMatch.Count > 0 && options.Auth.Issuers.Count == 0)
        {
            faults.Add("Gatehouse:AdminMatch selects operators by an OAuth token's claims, which needs an issuer under Gatehouse:Auth:Issuers.");
        }

        foreach (var (claim, values) in options.AdminMatch)
        {
            if (values.Count == 0 || values.Any(string.IsNullOrEmpty))
            {
                faults.Add($"Gatehouse:AdminMatch:{claim} must name a value or a list of non-empty values.");
            }
        }

        foreach (var (grant, settings) in options.Grants)
        {
            if (settings.Match.Count > 0 && options.Auth.Issuers.Count == 0)
            {
                faults.Add($"Gatehouse:Grants:{grant}:Match selects the grant by an OAuth token's claims, which needs an issuer under Gatehouse:Auth:Issuers.");
            }

            foreach (var (claim, values) in settings.Match)
            {
                if (values.Count == 0 || values.Any(string.IsNullOrEmpty))
                {
                    faults.Add($"Gatehouse:Grants:{grant}:Match:{claim} must name a value or a list of non-empty values.");
                }
            }
        }
    }

    private static void ValidateCluster(ClusterSettings cluster, List<string> faults)
    {
        if (cluster.Clustering is not (ClusteringKinds.Localhost or ClusteringKinds.AdoNet))
        {
            faults.Add($"Gatehouse:Cluster:Clustering must be '{ClusteringKinds.Localhost}' or '{ClusteringKinds.AdoNet}'.");
        }

        if (cluster.Clustering == ClusteringKinds.AdoNet && string.IsNullOrWhiteSpace(cluster.ConnectionString))
        {
            faults.Add("Gatehouse:Cluster:ConnectionString is required when Clustering is AdoNet.");
        }

        if (cluster.SiloPort is < 1 or > 65535)
        {
            faults.Add("Gatehouse:Cluster:SiloPort must be a TCP port (1-65535).");
        }

        if (cluster.GatewayPort is < 1 or > 65535 || cluster.GatewayPort == cluster.SiloPort)
        {
            faults.Add("Gatehouse:Cluster:GatewayPort must be a TCP port (1-65535) other than SiloPort.");
        }

        if (cluster.AdvertisedAddress is { Length: > 0 } address && !System.Net.IPAddress.TryParse(address, out _))
        {
            faults.Add("Gatehouse:Cluster:AdvertisedAddress must be an IP address.");
        }

        if (string.IsNullOrWhiteSpace(cluster.ClusterId) || string.IsNullOrWhiteSpace(cluster.ServiceId))
        {
            faults.Add("Gatehouse:Cluster:ClusterId and ServiceId must not be empty.");
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^(?!.*__)[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex UpstreamName();
}
