using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Progress;

/// <summary>Where a scenario says what it is doing while it runs. The base class shows nothing (tests).</summary>
internal class ProgressView
{
    public static readonly ProgressView None = new();

    /// <summary>A step outside load (starting replicas, waiting for the cluster).</summary>
    public virtual void Status(string text)
    {
    }

    /// <summary>A load phase starts; its calls are shown live until <see cref="Completed"/>.</summary>
    public virtual void Watch(CallLog log)
    {
    }

    /// <summary>A load phase ended with these figures.</summary>
    public virtual void Completed(PhaseStats stats)
    {
    }
}
