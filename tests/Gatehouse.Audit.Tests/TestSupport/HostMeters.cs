using System.Diagnostics.Metrics;
using Gatehouse.Gateway.Audit;
using Gatehouse.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Audit.Tests.TestSupport;

/// <summary>
/// The meters of one would-be host: its own <see cref="IMeterFactory"/> and the audit instruments made from it,
/// so a capture sees this test's measurements and no other's. Disposing it disposes the meters.
/// </summary>
internal sealed class HostMeters : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public HostMeters()
    {
        Factory = _services.GetRequiredService<IMeterFactory>();
        Audit = new AuditMetrics(new GatehouseMetrics(Factory));
    }

    public IMeterFactory Factory { get; }

    public AuditMetrics Audit { get; }

    /// <summary>Sums what <paramref name="instrument"/> of this host's meter measures from now on.</summary>
    public MeterCapture Capture(string instrument) => new(Factory, instrument);

    public void Dispose() => _services.Dispose();
}
