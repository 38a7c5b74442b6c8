namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>A cluster's row in orleansmembershipversiontable, read directly.</summary>
internal sealed record VersionRow(int Version, DateTime Timestamp);
