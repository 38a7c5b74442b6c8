using System.Text.Json;

namespace Gatehouse.Policy;

/// <summary>Gathers every fault of one parse, so an operator sees them all at once.</summary>
internal sealed class FaultCollector
{
    private readonly List<PolicyFault> _faults = [];

    public IReadOnlyList<PolicyFault> Faults => _faults;

    public int Count => _faults.Count;

    public void Add(string path, string message) => _faults.Add(new PolicyFault(path, message));

    public void WrongType(string path, string expected, JsonElement found) =>
        Add(path, $"must be {expected}, found {JsonKinds.Describe(found)}");

    public void Missing(string path) => Add(path, "is required");
}
