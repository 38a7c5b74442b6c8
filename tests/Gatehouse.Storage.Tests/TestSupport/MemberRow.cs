namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>A silo's row in orleansmembershiptable, read directly.</summary>
internal sealed record MemberRow(
    string Address,
    int Port,
    int Generation,
    string SiloName,
    string HostName,
    int Status,
    int? ProxyPort,
    string? SuspectTimes,
    DateTime StartTime,
    DateTime IAmAliveTime);
