namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// What a console session cookie carries, signed: who signed in (<c>admin</c> for the admin token; an IdP sign-in
/// would put its user here), how (<paramref name="Method"/>), until when, and the session's anti-forgery token.
/// </summary>
internal sealed record ConsoleTicket(string Subject, string Method, DateTimeOffset ExpiresAt, string Csrf);
