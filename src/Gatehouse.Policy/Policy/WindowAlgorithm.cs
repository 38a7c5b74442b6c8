namespace Gatehouse.Policy;

/// <summary>How a limit's window is counted (<c>algorithm</c>). Absent means <see cref="Fixed"/>.</summary>
public enum WindowAlgorithm
{
    /// <summary><c>"fixed"</c> (the default): windows aligned to the UTC epoch; at most <c>max</c> in each.</summary>
    Fixed,

    /// <summary><c>"sliding"</c>: an exact log; at most <c>max</c> in any interval of the window's length.</summary>
    Sliding,

    /// <summary><c>"token_bucket"</c>: a burst of <c>max</c>, refilled continuously at <c>max</c> per window.</summary>
    TokenBucket,
}
