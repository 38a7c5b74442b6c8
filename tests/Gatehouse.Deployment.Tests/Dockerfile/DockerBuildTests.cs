using Gatehouse.Deployment.Tests.Infrastructure;

namespace Gatehouse.Deployment.Tests.Dockerfile;

/// <summary>The Dockerfile's build stage, run as written (see <see cref="DockerBuildEmulator"/>): it restores from the project files alone and publishes the app.</summary>
public sealed class DockerBuildTests
{
    [Fact]
    public async Task The_build_stage_run_as_written_publishes_a_gatehouse_that_runs()
    {
        using var root = new TempFolder("gatehouse-image-");
        var dockerfile = DockerfileDocument.Load();
        var emulator = new DockerBuildEmulator(root.Path, DockerIgnore.Load());

        // A ceiling that only catches a hang: a whole publish on a busy two-core machine took more than 8 minutes.
        await emulator.RunAsync(dockerfile.Stage("build"), TimeSpan.FromMinutes(20));

        var published = emulator.HostPath(DockerfileTests.PublishFolder());
        Assert.True(File.Exists(Path.Combine(published, "gatehouse.dll")), $"no gatehouse.dll in {published}");
        Assert.True(File.Exists(Path.Combine(published, "gatehouse.runtimeconfig.json")), $"no gatehouse.runtimeconfig.json in {published}");
        Assert.False(Directory.Exists(emulator.HostPath("/src/src/Gatehouse.Host/bin/Debug")), "the context must not bring a local Debug build along");

        // The published app runs: its own validator accepts the policies the manifests ship.
        var policies = Directory.GetFiles(Repository.PathOf("k8s", "base", "policies"), "*.json");
        var validate = await ProcessRunner.RunAsync("dotnet", [Path.Combine(published, "gatehouse.dll"), "policy", "validate", .. policies], TimeSpan.FromMinutes(1));
        Assert.True(validate.Succeeded, validate.Describe());
    }
}
