using Gatehouse.Gateway.Audit;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Following;
using Gatehouse.Gateway.Front;
using Gatehouse.Gateway.Limits;
using Gatehouse.Gateway.Policies;
using Gatehouse.Host.Admin;
using Gatehouse.Host.Approvals;
using Gatehouse.Host.Health;
using Gatehouse.Host.OperatorConsole;
using Gatehouse.ServiceDefaults;
using Gatehouse.Upstreams;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Hosting;

/// <summary>Registers every part of a Gatehouse replica.</summary>
internal static class GatehouseBuilderExtensions
{
    public static WebApplicationBuilder AddGatehouse(this WebApplicationBuilder builder, string[] args)
    {
        builder.AddGatehouseConfiguration(args);
        builder.AddServiceDefaults();
        // Policies load first, so a bad policy stops the start before the silo joins the cluster.
        builder.Services.AddGatehousePolicies();
        builder.AddGatehouseCluster();
        builder.AddGatehouseStorage();
        builder.AddGatehouseAudit();

        // After the silo: these follow the cluster's policy and grant grains.
        builder.Services.AddFollower<PolicySync>();
        builder.Services.AddFollower<GrantSync>();
        builder.AddGatehouseUpstreams();
        builder.Services.AddSingleton<ToolCatalog>();
        builder.Services.AddFollower<PinSync>();
        builder.Services.AddGatehouseFront();
        builder.Services.AddGatehouseAdmin();
        builder.Services.AddGatehouseConsole(builder.Configuration);
        builder.Services.AddGatehouseApprovalNotifications(builder.Configuration);
        builder.Services.AddHostedService<UpstreamShutdown>();
        builder.Services.AddGatehouseHealth();
        return builder;
    }

    private static void AddGatehouseConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var location = new ConfigFileLocation(Directory.GetCurrentDirectory());
        if (builder.Configuration["config"] is { Length: > 0 } configPath)
        {
            var fullPath = Path.GetFullPath(configPath);
            if (!File.Exists(fullPath))
            {
                throw new ConfigFileNotFoundException(fullPath);
            }

            location = new ConfigFileLocation(Path.GetDirectoryName(fullPath)!);

            // The file sits below environment variables and the command line, which still override it.
            builder.Configuration.AddJsonFile(fullPath, optional: false, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(args);
        }

        builder.Services.AddSingleton(location);

        // SIGTERM: stop accepting, let in-flight calls finish (up to this long), then leave the cluster.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IValidateOptions<GatehouseOptions>, GatehouseOptionsValidator>();
        builder.Services.AddOptions<GatehouseOptions>()
            .Bind(builder.Configuration.GetSection(GatehouseOptions.SectionName))
            .PostConfigure(options => ClaimMatchSection.Apply(options, builder.Configuration.GetSection(GatehouseOptions.SectionName)))
            .ValidateOnStart();

        var maxBody = builder.Configuration.GetValue<long?>($"{GatehouseOptions.SectionName}:MaxRequestBodyBytes") ?? new GatehouseOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
    }

    private static void AddGatehouseUpstreams(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        foreach (var upstream in builder.Configuration.GetSection($"{GatehouseOptions.SectionName}:Upstreams").GetChildren())
        {
            services.AddUpstreamHttpClient(upstream.Key);
        }

        // Named clients per upstream above; the factory itself also when no upstream is configured yet.
        services.AddHttpClient();
        services.AddSingleton(provider => new UpstreamCatalog(provider.GetRequiredService<IOptions<GatehouseOptions>>().Value.Upstreams));
        services.AddSingleton<UpstreamTransportFactory>();
        services.AddSingleton<StatelessUpstreamClient>();
        services.AddSingleton<UpstreamSessionCloser>();
        services.AddSingleton<UpstreamChannels>();
        services.AddSingleton<StdioProcessSlots>();
    }

    private static void AddGatehousePolicies(this IServiceCollection services)
    {
        services.AddSingleton<PolicyFiles>();
        services.AddSingleton<PolicyStore>();
        services.AddHostedService<PolicyLoader>();
        services.AddSingleton<GrantRegistry>();
        services.AddSingleton<CounterBatcher>();
        services.AddSingleton<CounterGate>();
    }
}
