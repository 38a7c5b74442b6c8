using System.Data.Common;
using System.Globalization;
using Gatehouse.Deployment.Tests.Configuration;
using Gatehouse.Deployment.Tests.Dockerfile;
using k8s.Models;

namespace Gatehouse.Deployment.Tests.Kubernetes;

/// <summary>PostgreSQL, the schema migration, and the connection string that ties the gateway to them.</summary>
public sealed class DatabaseTests
{
    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_migration_job_and_init_container_run_db_migrate_with_the_gateway_connection_string(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var job = gateway.Manifests.Named<V1Job>("gatehouse-db-migrate");
        var jobContainer = Assert.Single(job.Spec.Template.Spec.Containers);
        var init = Assert.Single(gateway.Pod.InitContainers);
        var entrypoint = DockerfileDocument.Load().Final.Last("ENTRYPOINT")!.Words();
        var gatewayConnection = gateway.Environment()["Gatehouse__Cluster__ConnectionString"];

        foreach (var (template, owner, container) in new[] { (job.Spec.Template, (k8s.IKubernetesObject<V1ObjectMeta>)job, jobContainer), (gateway.Template, gateway.Deployment, init) })
        {
            Assert.Equal(gateway.Container.Image, container.Image);
            Assert.Null(container.Command);
            // The image's ENTRYPOINT plus these args: dotnet gatehouse.dll db migrate.
            Assert.Equal(["dotnet", "gatehouse.dll", "db", "migrate"], entrypoint.Concat(container.Args).ToArray());
            Assert.Equal(gatewayConnection, PodEnvironment.Resolve(gateway.Manifests, owner, template, container)["Gatehouse__Cluster__ConnectionString"]);
        }

        Assert.Equal("OnFailure", job.Spec.Template.Spec.RestartPolicy);
        Assert.True(job.Spec.BackoffLimit >= 3, "the Job must retry while PostgreSQL starts");
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task The_connection_string_names_the_postgres_service_user_password_and_database(string overlay)
    {
        var gateway = await GatewayWorkload.OfOverlayAsync(overlay);
        var manifests = gateway.Manifests;
        var connection = new DbConnectionStringBuilder { ConnectionString = PodConfiguration.Of(gateway).Options.Cluster.ConnectionString };
        var postgres = manifests.Named<V1StatefulSet>("postgres");
        var postgresEnv = PodEnvironment.Resolve(manifests, postgres, postgres.Spec.Template, postgres.Spec.Template.Spec.Containers.Single());
        var service = manifests.Named<V1Service>((string)connection["Host"]);

        Assert.True(ReferenceTests.Selects(service.Spec.Selector, postgres.Spec.Template.Metadata.Labels));
        Assert.Contains(service.Spec.Ports, p => p.Port.ToString(CultureInfo.InvariantCulture) == (string)connection["Port"]);
        Assert.Equal(postgresEnv["POSTGRES_USER"], connection["Username"]);
        Assert.Equal(postgresEnv["POSTGRES_PASSWORD"], connection["Password"]);
        Assert.Equal(postgresEnv["POSTGRES_DB"], connection["Database"]);
    }

    [Theory]
    [ClassData(typeof(OverlayNames))]
    public async Task Postgres_keeps_its_data_on_a_persistent_volume_claim(string overlay)
    {
        var manifests = await Kustomize.OverlayAsync(overlay);
        var postgres = manifests.Named<V1StatefulSet>("postgres");
        var claim = Assert.Single(postgres.Spec.VolumeClaimTemplates);
        var container = postgres.Spec.Template.Spec.Containers.Single();
        var dataMount = container.VolumeMounts.Single(m => m.Name == claim.Metadata.Name);
        var pgdata = PodEnvironment.Resolve(manifests, postgres, postgres.Spec.Template, container)["PGDATA"];

        Assert.Contains("ReadWriteOnce", claim.Spec.AccessModes);
        Assert.StartsWith(dataMount.MountPath.TrimEnd('/') + "/", pgdata, StringComparison.Ordinal);
        Assert.True(manifests.Has<V1Service>(postgres.Spec.ServiceName), "the StatefulSet's governing Service must exist");
    }
}
