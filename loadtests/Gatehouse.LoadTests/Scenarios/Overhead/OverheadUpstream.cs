namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>Which upstream <c>overhead</c> starts (<c>--upstream</c>).</summary>
internal enum OverheadUpstream
{
    /// <summary>The C# test upstream (<c>tests/Gatehouse.TestUpstream</c>, sessions on).</summary>
    Test,

    /// <summary><c>@modelcontextprotocol/server-everything</c> over Streamable HTTP (Node; <c>npm ci</c> in <c>tests/node</c>).</summary>
    Everything,
}
