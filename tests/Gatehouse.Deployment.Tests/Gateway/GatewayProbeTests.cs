using System.Net;
using Gatehouse.Deployment.Tests.Infrastructure;
using Gatehouse.Deployment.Tests.Kubernetes;

namespace Gatehouse.Deployment.Tests.Gateway;

/// <summary>The paths the manifests probe and scrape, and the image's health check, against the real gateway.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayProbeTests(GatewayFixture gateway)
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Every_path_the_probes_and_prometheus_use_answers_200_on_the_running_gateway(string overlay)
    {
        var workload = await GatewayWorkload.OfOverlayAsync(overlay);
        var paths = new[] { workload.Container.StartupProbe, workload.Container.LivenessProbe, workload.Container.ReadinessProbe }
            .Select(p => p?.HttpGet?.Path)
            .Append(workload.Template.Metadata.Annotations["prometheus.io/path"])
            .ToList();

        Assert.All(paths, path => Assert.False(string.IsNullOrEmpty(path)));
        foreach (var path in paths)
        {
            using var response = await gateway.GetAsync(path!);
            await response.EnsureStatusAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_path_the_app_does_not_serve_is_not_mistaken_for_a_probe_path()
    {
        using var response = await gateway.GetAsync("/health");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_healthcheck_command_exits_0_while_healthz_answers()
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", [Repository.GatehouseDll, "healthcheck", "--url", new Uri(gateway.BaseUrl, "/healthz").ToString()], TimeSpan.FromMinutes(1));

        Assert.True(result.Succeeded, result.Describe());
    }

    [Fact]
    public async Task The_healthcheck_command_fails_when_nothing_answers()
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", [Repository.GatehouseDll, "healthcheck", "--url", $"http://127.0.0.1:{FreePort.Next()}/healthz"], TimeSpan.FromMinutes(1));

        Assert.False(result.Succeeded, result.Describe());
        // Failing as an unknown command (printing the usage) would prove nothing.
        Assert.DoesNotContain("usage:", result.StandardOutput + result.StandardError, StringComparison.OrdinalIgnoreCase);
    }
}
