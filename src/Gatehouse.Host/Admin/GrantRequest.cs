namespace Gatehouse.Host.Admin;

/// <summary>The body of <c>POST /admin/grants</c>.</summary>
internal sealed record GrantRequest(string? Id, IReadOnlyList<string>? Upstreams);
