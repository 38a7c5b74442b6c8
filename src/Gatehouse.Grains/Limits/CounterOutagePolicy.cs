namespace Gatehouse.Grains;

/// <summary>What a counter grain does when its durable store cannot take a save.</summary>
/// <param name="ServeFromMemory">
/// False (the default): the activation stops deciding and its callers' calls are refused, so nothing is admitted
/// without a record. True: an activation already in memory keeps deciding from its window and stores it once the
/// store answers again; what it admitted since its last save is lost if its silo dies before then.
/// </param>
public sealed record CounterOutagePolicy(bool ServeFromMemory)
{
    public static CounterOutagePolicy FailClosed { get; } = new(false);
}
