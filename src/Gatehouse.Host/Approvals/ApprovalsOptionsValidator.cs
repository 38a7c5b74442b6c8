using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Approvals;

/// <summary>Checks <c>Gatehouse:Approvals</c> at start; each message names the key at fault.</summary>
internal sealed class ApprovalsOptionsValidator : IValidateOptions<ApprovalsOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalsOptions options)
    {
        var faults = new List<string>();
        if (options.WebhookUrl is { Length: > 0 } webhook && !IsHttp(webhook))
        {
            faults.Add("Gatehouse:Approvals:WebhookUrl must be an absolute http(s) URL.");
        }

        if (options.ConsoleUrl is { Length: > 0 } console && !IsHttp(console))
        {
            faults.Add("Gatehouse:Approvals:ConsoleUrl (or Gatehouse:PublicUrl) must be an absolute http(s) URL.");
        }

        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
