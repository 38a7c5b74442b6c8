namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// What the console remembers, signed in a short-lived cookie, while the browser signs in at the issuer: the
/// <c>state</c> and <c>nonce</c> it sent, and the PKCE code verifier whose challenge it sent.
/// </summary>
internal sealed record ConsoleSignInState(string State, string Nonce, string CodeVerifier, DateTimeOffset ExpiresAt);
