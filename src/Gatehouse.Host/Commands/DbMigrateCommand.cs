using System.CommandLine;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage.Migrations;
using Npgsql;

namespace Gatehouse.Host.Commands;

/// <summary>
/// <c>gatehouse db migrate [--config PATH]</c>: creates or upgrades the PostgreSQL schema named by
/// <c>Gatehouse:Cluster:ConnectionString</c> (from the file, the environment or the command line).
/// Idempotent; safe to run from several replicas or a Kubernetes Job at once.
/// </summary>
internal static class DbMigrateCommand
{
    /// <summary>The <c>db</c> command and its <c>migrate</c> subcommand.</summary>
    public static Command Create()
    {
        var config = SingleValueOption.Create("--config", "PATH", "A JSON configuration file that holds Gatehouse:Cluster:ConnectionString.");
        var overrides = new Argument<string[]>("OVERRIDE")
        {
            Description = "Configuration overrides, as when serving: --Gatehouse:Cluster:ConnectionString VALUE.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var migrate = new Command(
            "migrate",
            "Create or upgrade the PostgreSQL schema named by Gatehouse:Cluster:ConnectionString (from --config, the environment "
            + "or the command line). Idempotent; safe to run from several replicas at once.") { config, overrides };
        migrate.SetAction((result, _) => RunAsync(
            result.GetValue(config), result.GetValue(overrides) ?? [], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return new Command("db", "The PostgreSQL schema.") { migrate };
    }

    public static async Task<int> RunAsync(string? path, IReadOnlyList<string> overrides, TextWriter output, TextWriter error)
    {
        var configuration = new ConfigurationBuilder();
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"gatehouse: configuration file not found: {Path.GetFullPath(path)}");
                return 2;
            }

            configuration.AddJsonFile(Path.GetFullPath(path), optional: false);
        }

        var settings = configuration.AddEnvironmentVariables().AddCommandLine([.. overrides]).Build()
            .GetSection($"{GatehouseOptions.SectionName}:Cluster").Get<ClusterSettings>();
        if (string.IsNullOrWhiteSpace(settings?.ConnectionString))
        {
            await error.WriteLineAsync("gatehouse: db migrate needs Gatehouse:Cluster:ConnectionString (in --config, or Gatehouse__Cluster__ConnectionString).");
            return 2;
        }

        try
        {
            var report = await new SchemaMigrator(settings.ConnectionString).MigrateAsync(CancellationToken.None);
            foreach (var name in report.Applied)
            {
                await output.WriteLineAsync($"applied  {name}");
            }

            foreach (var name in report.AlreadyPresent)
            {
                await output.WriteLineAsync($"present  {name}");
            }

            await output.WriteLineAsync($"schema is up to date ({report.Applied.Count} applied, {report.AlreadyPresent.Count} already present)");
            return 0;
        }
        catch (NpgsqlException ex)
        {
            // The exception's message names the server and the failure, never the password.
            await error.WriteLineAsync($"gatehouse: db migrate failed: {ex.Message}");
            return 1;
        }
    }
}
