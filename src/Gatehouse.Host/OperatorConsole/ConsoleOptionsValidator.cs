using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>Checks <c>Gatehouse:Console</c> at start; each message names the key at fault.</summary>
internal sealed class ConsoleOptionsValidator(IOptions<GatehouseOptions> gatehouse) : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var faults = new List<string>();
        if (options.SessionHours is <= 0 or > 24 * 30)
        {
            faults.Add("Gatehouse:Console:SessionHours must be more than 0 and at most 720.");
        }

        if (options.TraceUrl is { } trace && (!trace.Contains("{traceId}", StringComparison.Ordinal) || !Uri.TryCreate(trace.Replace("{traceId}", "x", StringComparison.Ordinal), UriKind.Absolute, out _)))
        {
            faults.Add("Gatehouse:Console:TraceUrl must be an absolute URL containing {traceId}.");
        }

        if (options.Oidc.Issuer is { } issuer)
        {
            var settings = gatehouse.Value;
            if (!settings.Auth.Issuers.ContainsKey(issuer))
            {
                faults.Add($"Gatehouse:Console:Oidc:Issuer must name an issuer under Gatehouse:Auth:Issuers; '{issuer}' is not one.");
            }

            if (string.IsNullOrWhiteSpace(options.Oidc.ClientId))
            {
                faults.Add("Gatehouse:Console:Oidc:ClientId is required for IdP sign-in (the console's client at the issuer).");
            }

            if (settings.AdminMatch.Count == 0)
            {
                faults.Add("Gatehouse:Console:Oidc needs Gatehouse:AdminMatch: it says which of the issuer's users are operators.");
            }

            if (settings.AdminTokenSha256 is null && string.IsNullOrEmpty(options.SessionKey))
            {
                faults.Add("Gatehouse:Console:SessionKey is required when there is no Gatehouse:AdminTokenSha256: console sessions are signed with it.");
            }

            if (!options.Oidc.Scope.Split(' ').Contains("openid", StringComparer.Ordinal))
            {
                faults.Add("Gatehouse:Console:Oidc:Scope must include 'openid' (the sign-in reads the ID token).");
            }
        }

        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }
}
