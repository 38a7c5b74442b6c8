namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>One way of deciding "may this call go ahead?" for a counter key, measured against the others.</summary>
internal interface IDecisionPath : IAsyncDisposable
{
    /// <summary>Short name used in options and tables (<c>grain-remote</c>).</summary>
    string Name { get; }

    /// <summary>What it is, for the report.</summary>
    string Description { get; }

    /// <summary>One decision costing one unit of a counter (keys taken in turn); true if admitted.</summary>
    ValueTask<bool> DecideAsync();
}
