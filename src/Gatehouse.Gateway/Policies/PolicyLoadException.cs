namespace Gatehouse.Gateway.Policies;

/// <summary>One or more policies could not be loaded; <see cref="Exception.Message"/> lists every fault.</summary>
internal sealed class PolicyLoadException(IReadOnlyList<string> faults)
    : Exception("Invalid policy configuration:" + Environment.NewLine + string.Join(Environment.NewLine, faults.Select(f => "  " + f)))
{
    public IReadOnlyList<string> Faults { get; } = faults;
}
