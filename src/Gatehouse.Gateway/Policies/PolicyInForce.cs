using Gatehouse.Policy;

namespace Gatehouse.Gateway.Policies;

/// <summary>One upstream's policy as this replica enforces it.</summary>
/// <param name="Document">The parsed policy.</param>
/// <param name="Json">Its text.</param>
/// <param name="Revision">Gatehouse's revision (0 for the file read at start, before the cluster confirmed it).</param>
/// <param name="Source"><c>file</c> or <c>admin</c>.</param>
internal sealed record PolicyInForce(PolicyDocument Document, string Json, long Revision, string Source)
{
    /// <summary>What decisions record: the document's own version label and Gatehouse's revision, e.g. <c>7@r3</c>.</summary>
    public string Version => $"{Document.Version}@r{Revision}";
}
