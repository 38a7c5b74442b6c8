namespace Gatehouse.Audit.Tests.TestSupport;

/// <summary>
/// Classes that run audit writers: one after another, so that what the process-wide <c>Gatehouse</c> meter
/// counts during a test is that test's doing.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AuditWriterCollection
{
    public const string Name = "Audit writers";
}
