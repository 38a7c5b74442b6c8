namespace Gatehouse.Policy;

/// <summary>Defaults and bounds of the policy format, in one place.</summary>
internal static class PolicyDefaults
{
    public const int ApprovalTimeoutSeconds = 300;
    public const int MaxApprovalTimeoutSeconds = 86_400;

    // A year: longer windows are almost certainly a unit mistake.
    public const int MaxWindowSeconds = 31_536_000;
    public const decimal MaxLimit = 1_000_000_000_000m;
    public const int MaxCounterNameLength = 128;

    // Operator-written patterns run on agent-supplied text; bound them so one call cannot stall a replica.
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
}
