using Microsoft.Extensions.Options;

namespace Gatehouse.ReferenceProxy.Forwarding;

internal sealed class ReferenceProxyOptionsValidator : IValidateOptions<ReferenceProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReferenceProxyOptions options) => options.Upstream switch
    {
        null => ValidateOptionsResult.Fail($"{ReferenceProxyOptions.SectionName}:Upstream (--upstream) is required: the upstream's base URL, e.g. http://127.0.0.1:5000/"),
        { IsAbsoluteUri: true, Scheme: "http" or "https" } => ValidateOptionsResult.Success,
        var url => ValidateOptionsResult.Fail($"{ReferenceProxyOptions.SectionName}:Upstream (--upstream) must be an absolute http or https URL, not '{url}'"),
    };
}
