namespace Gatehouse.Host.OperatorConsole;

/// <summary>The console's defaults and fixed names, in one place.</summary>
internal static class ConsoleDefaults
{
    /// <summary>How long a sign-in lasts unless <c>Gatehouse:Console:SessionHours</c> says otherwise.</summary>
    public const double SessionHours = 8;

    /// <summary>The session cookie.</summary>
    public const string CookieName = "gatehouse_console";

    /// <summary>The request header that carries the session's anti-forgery token on a state change.</summary>
    public const string AntiforgeryHeader = "X-Gatehouse-Csrf";

    /// <summary>
    /// How often a replica reads the approval index while at least one console listens for changes: one grain
    /// call per replica, whatever the number of browsers, and well within the "visible in a second" promise.
    /// </summary>
    public static readonly TimeSpan ApprovalPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often an idle event stream carries a comment, so proxies keep it open.</summary>
    public static readonly TimeSpan EventStreamHeartbeat = TimeSpan.FromSeconds(15);
}
