namespace Gatehouse.Host.Admin;

/// <summary>The names of the operators' authentication scheme and authorization policy.</summary>
internal static class AdminAuthentication
{
    /// <summary>Operators on <c>/admin</c>: the admin token.</summary>
    public const string Scheme = "GatehouseAdmin";

    /// <summary>The policy of the admin API: authenticated by <see cref="Scheme"/>.</summary>
    public const string Policy = "GatehouseAdmin";
}
