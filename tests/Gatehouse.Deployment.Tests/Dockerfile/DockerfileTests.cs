using System.Globalization;
using System.Xml.Linq;
using Gatehouse.Deployment.Tests.Infrastructure;
using Gatehouse.Deployment.Tests.Kubernetes;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Deployment.Tests.Dockerfile;

/// <summary>The Dockerfile read instruction by instruction and compared with the app and the manifests.</summary>
public sealed class DockerfileTests
{
    private const string HostProject = "src/Gatehouse.Host/Gatehouse.Host.csproj";

    private readonly DockerfileDocument _dockerfile = DockerfileDocument.Load();

    [Fact]
    public void The_image_builds_on_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        Assert.Equal(2, _dockerfile.Stages.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", _dockerfile.Stages[0].BaseImage);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _dockerfile.Final.BaseImage);
        Assert.All(_dockerfile.Stages, s => Assert.True(ImageReference.IsPinned(s.BaseImage), s.BaseImage));
    }

    [Fact]
    public void The_image_exposes_the_app_http_silo_and_gateway_ports()
    {
        var exposed = _dockerfile.Final.All("EXPOSE").SelectMany(e => e.Words()).Select(p => int.Parse(p.Split('/')[0], CultureInfo.InvariantCulture)).ToHashSet();
        var httpPort = int.Parse(Env(_dockerfile.Final)["ASPNETCORE_HTTP_PORTS"], CultureInfo.InvariantCulture);
        var defaults = new ClusterSettings();

        Assert.Equal(new HashSet<int> { httpPort, defaults.SiloPort, defaults.GatewayPort }, exposed);
    }

    [Fact]
    public async Task The_manifests_declare_the_ports_the_image_exposes()
    {
        var exposed = _dockerfile.Final.All("EXPOSE").SelectMany(e => e.Words()).Select(p => int.Parse(p.Split('/')[0], CultureInfo.InvariantCulture)).ToHashSet();
        var gateway = await GatewayWorkload.OfOverlayAsync("dev");

        Assert.Equal(exposed, gateway.Container.Ports.Select(p => p.ContainerPort).ToHashSet());
    }

    [Fact]
    public async Task The_final_stage_runs_as_the_numeric_non_root_user_the_pods_run_as()
    {
        var user = _dockerfile.Final.Last("USER")?.Arguments;
        var gateway = await GatewayWorkload.OfOverlayAsync("dev");

        Assert.NotNull(user);
        Assert.True(long.TryParse(user.Split(':')[0], out var uid), $"USER {user} should be numeric so runAsNonRoot can verify it");
        Assert.NotEqual(0, uid);
        Assert.Equal(uid, gateway.Pod.SecurityContext.RunAsUser);
    }

    [Fact]
    public void The_entry_point_runs_gatehouse_dll_from_the_published_folder()
    {
        var entrypoint = _dockerfile.Final.Last("ENTRYPOINT")!;
        var workdir = _dockerfile.Final.Last("WORKDIR")!.Arguments;
        var copy = Assert.Single(_dockerfile.Final.All("COPY"));

        Assert.True(entrypoint.IsExecForm, "exec form, so that SIGTERM reaches dotnet and the replica drains");
        Assert.Equal(["dotnet", "gatehouse.dll"], entrypoint.Words());
        Assert.Equal("build", copy.Flags["from"]);
        Assert.Equal([PublishFolder(), "."], copy.Words());
        Assert.Equal("/app", workdir);
    }

    [Fact]
    public void The_health_check_runs_the_app_own_healthcheck_command()
    {
        var healthcheck = _dockerfile.Final.Last("HEALTHCHECK");

        Assert.NotNull(healthcheck);
        Assert.StartsWith("CMD [", healthcheck.Arguments, StringComparison.Ordinal);
        Assert.Equal(["dotnet", "gatehouse.dll", "healthcheck"], System.Text.Json.JsonSerializer.Deserialize<string[]>(healthcheck.Arguments[4..])!);
    }

    [Fact]
    public void The_publish_command_is_the_release_publish_of_the_host_without_a_second_restore()
    {
        var publish = Assert.Single(_dockerfile.Stage("build").All("RUN"), r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.StartsWith("dotnet publish src/Gatehouse.Host -c Release -o ", publish.Arguments, StringComparison.Ordinal);
        Assert.EndsWith("--no-restore", publish.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void The_restore_layer_copies_every_project_the_host_needs_and_no_source()
    {
        var build = _dockerfile.Stage("build").Instructions;
        var restore = build.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var beforeRestore = build.Take(restore).Where(i => i.Keyword == "COPY").ToList();
        var copied = beforeRestore.SelectMany(c => c.Words().SkipLast(1)).ToHashSet(StringComparer.Ordinal);
        var needed = ProjectClosure(HostProject);

        Assert.True(restore > 0, "the build stage must run dotnet restore");
        Assert.Equal($"dotnet restore {HostProject}", build[restore].Arguments);
        Assert.Subset(copied, needed);
        Assert.All(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" }, f => Assert.Contains(f, copied));
        Assert.All(copied, f => Assert.True(f.EndsWith(".csproj", StringComparison.Ordinal) || !f.Contains('/', StringComparison.Ordinal), $"{f} would invalidate the restore layer"));
        // Each project file lands where its project reference expects it.
        Assert.All(beforeRestore.Where(c => c.Words()[0].EndsWith(".csproj", StringComparison.Ordinal)), c => Assert.Equal(Path.GetDirectoryName(c.Words()[0]) + "/", c.Words()[1]));
        Assert.Contains(build.Skip(restore), i => i.Keyword == "COPY" && i.Words().SequenceEqual(["src/", "src/"]));
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_and_repository_state()
    {
        var ignore = DockerIgnore.Load();

        Assert.All(
            new[] { "src/Gatehouse.Host/bin/Release/net10.0/gatehouse.dll", "src/Gatehouse.Host/obj/project.assets.json", "tests/node/node_modules/x/index.js", "tests/X/TestResults/r.trx", ".git/HEAD" },
            path => Assert.True(ignore.Excludes(path), $"{path} should be left out of the build context"));
        Assert.All(
            new[] { "src/Gatehouse.Host/Program.cs", "src/Gatehouse.Host/Gatehouse.Host.csproj", "Directory.Build.props", ".editorconfig", "global.json" },
            path => Assert.False(ignore.Excludes(path), $"{path} is needed by the build"));
    }

    [Fact]
    public void Dockerfile_lines_are_joined_at_backslashes_and_comments_are_dropped()
    {
        var parsed = DockerfileDocument.Parse("""
            # syntax comment
            FROM base:1 AS one
            ENV A=1 \
                B=2
            FROM other:2
            # a comment
            HEALTHCHECK --interval=30s \
              CMD ["x"]
            """);

        Assert.Equal("one", parsed.Stages[0].Name);
        Assert.Equal("A=1 B=2", parsed.Stages[0].Last("ENV")!.Arguments);
        Assert.Equal("30s", parsed.Final.Last("HEALTHCHECK")!.Flags["interval"]);
        Assert.Equal("CMD [\"x\"]", parsed.Final.Last("HEALTHCHECK")!.Arguments);
    }

    /// <summary>The folder the build stage publishes to (the <c>-o</c> of its publish command).</summary>
    internal static string PublishFolder()
    {
        var words = DockerfileDocument.Load().Stage("build").All("RUN").Single(r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Words().ToList();
        return words[words.IndexOf("-o") + 1];
    }

    /// <summary>A project and every project it references, directly or not, as repository-relative paths.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!found.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Repository.PathOf(current))!;
            foreach (var reference in XDocument.Load(Repository.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, full).Replace('\\', '/'));
            }
        }

        return found;
    }

    private static Dictionary<string, string> Env(DockerStage stage) =>
        stage.All("ENV").SelectMany(e => e.Words()).Select(w => w.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim('"'));
}
