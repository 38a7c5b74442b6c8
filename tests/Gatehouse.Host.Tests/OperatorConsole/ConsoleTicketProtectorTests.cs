using Gatehouse.Gateway.Configuration;
using Gatehouse.Host.OperatorConsole;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Tests.OperatorConsole;

/// <summary>The signatures of console sessions and of IdP sign-in states: one key per purpose, shared by every replica.</summary>
public sealed class ConsoleTicketProtectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static ConsoleTicketProtector Protector(string? adminTokenSha256 = "ab12", string? sessionKey = null) =>
        new(Options.Create(new GatehouseOptions { AdminTokenSha256 = adminTokenSha256 }), Options.Create(new ConsoleOptions { SessionKey = sessionKey }));

    [Fact]
    public void A_sign_in_state_never_passes_for_a_session_nor_a_session_for_a_state()
    {
        var protector = Protector();
        var ticket = protector.Protect(new ConsoleTicket("operator", "oidc:local", Now.AddHours(1), "csrf"));
        var state = protector.Protect(new ConsoleSignInState("s", "n", "v", Now.AddHours(1)));

        Assert.Equal("operator", protector.Unprotect(ticket, Now)?.Subject);
        Assert.Equal("v", protector.UnprotectState(state, Now)?.CodeVerifier);
        Assert.Null(protector.Unprotect(state, Now));
        Assert.Null(protector.UnprotectState(ticket, Now));
    }

    [Fact]
    public void An_expired_or_tampered_state_is_refused()
    {
        var protector = Protector();
        var state = protector.Protect(new ConsoleSignInState("s", "n", "v", Now.AddMinutes(10)));
        var parts = state.Split('.');
        var tampered = protector.Protect(new ConsoleSignInState("s", "n", "other", Now.AddMinutes(10))).Split('.')[0] + "." + parts[1];

        Assert.Null(protector.UnprotectState(state, Now.AddMinutes(11)));
        Assert.Null(protector.UnprotectState(tampered, Now));
    }

    [Fact]
    public void The_console_opens_with_an_admin_token_or_a_session_key_and_each_changes_the_key()
    {
        var ticket = new ConsoleTicket("operator", "oidc:local", Now.AddHours(1), "csrf");

        Assert.False(Protector(adminTokenSha256: null).IsOpen);
        Assert.True(Protector(adminTokenSha256: null, sessionKey: "shared").IsOpen);
        Assert.Null(Protector(sessionKey: "one").Unprotect(Protector(sessionKey: "two").Protect(ticket), Now));
        Assert.NotNull(Protector(sessionKey: "one").Unprotect(Protector(sessionKey: "one").Protect(ticket), Now));
    }

    [Fact]
    public void Idp_sign_in_names_a_trusted_issuer_a_client_operators_and_a_session_key()
    {
        var gatehouse = new GatehouseOptions { Auth = { Issuers = { ["corp"] = new IssuerOptions { Authority = new Uri("https://login.example.com") } } } };
        var console = new ConsoleOptions { Oidc = { Issuer = "elsewhere", Scope = "profile" } };

        var faults = new ConsoleOptionsValidator(Options.Create(gatehouse)).Validate(null, console).Failures!.ToList();

        Assert.Contains("Gatehouse:Console:Oidc:Issuer must name an issuer under Gatehouse:Auth:Issuers; 'elsewhere' is not one.", faults);
        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Console:Oidc:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Console:Oidc needs Gatehouse:AdminMatch", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Console:SessionKey is required", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("Gatehouse:Console:Oidc:Scope must include 'openid'", StringComparison.Ordinal));

        console.Oidc = new ConsoleOidcOptions { Issuer = "corp", ClientId = "gatehouse-console" };
        console.SessionKey = "shared";
        gatehouse.AdminMatch["groups"] = ["gatehouse-operators"];
        Assert.True(new ConsoleOptionsValidator(Options.Create(gatehouse)).Validate(null, console).Succeeded);
    }
}
