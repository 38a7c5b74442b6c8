namespace Gatehouse.Policy;

/// <summary>One entry of a <c>limits</c> array: a budget of <paramref name="Max"/> per <paramref name="Window"/>.</summary>
/// <param name="Counter">The budget's name; every rule naming it shares one budget.</param>
/// <param name="Window">The window's length.</param>
/// <param name="Max">Units admitted per window (calls, or the summed <c>increment_from</c> values); positive, at most 1e12.</param>
/// <param name="Scope">Whose budget it is; default <see cref="LimitScope.Grant"/>.</param>
/// <param name="Algorithm">How the window is counted; default <see cref="WindowAlgorithm.Fixed"/>.</param>
/// <param name="IncrementFrom">The argument whose numeric value a call spends (the name after <c>args.</c>);
/// null to spend 1 per call.</param>
public sealed record LimitRule(
    string Counter,
    WindowSpec Window,
    decimal Max,
    LimitScope Scope,
    WindowAlgorithm Algorithm,
    string? IncrementFrom);
