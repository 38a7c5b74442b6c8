namespace Gatehouse.Host.OperatorConsole;

/// <summary>The body of <c>POST /console/session</c>: the admin token.</summary>
internal sealed record SignInRequest(string? Token);
