namespace Gatehouse.Host.Admin;

/// <summary>The names of the operators' authentication scheme and authorization policy.</summary>
internal static class AdminAuthentication
{
    /// <summary>
    /// Operators on <c>/admin</c>: the admin token (<see cref="TokenScheme"/>), or the console's session cookie on a
    /// request without an <c>Authorization</c> header (a policy scheme that forwards to one of them).
    /// </summary>
    public const string Scheme = "GatehouseAdmin";

    /// <summary>The admin token as a bearer token.</summary>
    public const string TokenScheme = "GatehouseAdminToken";

    /// <summary>The policy of the admin API: authenticated by <see cref="Scheme"/>.</summary>
    public const string Policy = "GatehouseAdmin";
}
