using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Grains;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Approvals;

/// <summary>Notifications of held calls: the webhook, when <c>Gatehouse:Approvals:WebhookUrl</c> is set; and the console page of each approval.</summary>
internal static class ApprovalsExtensions
{
    public static IServiceCollection AddGatehouseApprovalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<ApprovalsOptions>, ApprovalsOptionsValidator>();
        services.AddOptions<ApprovalsOptions>()
            .Bind(configuration.GetSection(ApprovalsOptions.SectionName))
            .PostConfigure<IOptions<GatehouseOptions>>((options, gatehouse) =>
                options.ConsoleUrl ??= gatehouse.Value.PublicUrl is { Length: > 0 } publicUrl ? $"{publicUrl.TrimEnd('/')}/console/" : null)
            .ValidateOnStart();
        services.AddSingleton(provider => new ApprovalPage(provider.GetRequiredService<IOptions<ApprovalsOptions>>().Value.ConsoleUrl));
        if (string.IsNullOrEmpty(configuration[$"{ApprovalsOptions.SectionName}:{nameof(ApprovalsOptions.WebhookUrl)}"]))
        {
            return services;
        }

        services.TryAddSingleton(ApprovalWebhookSchedule.Default);
        services.AddHttpClient(ApprovalWebhook.ClientName);
        services.AddSingleton<ApprovalWebhook>();
        // Replaces the default that tells nobody (registered with the stores).
        services.AddSingleton<IApprovalNotifier>(provider => provider.GetRequiredService<ApprovalWebhook>());
        services.AddHostedService(provider => provider.GetRequiredService<ApprovalWebhook>());
        return services;
    }
}
