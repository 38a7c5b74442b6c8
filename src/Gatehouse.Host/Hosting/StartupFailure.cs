using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Policies;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.Hosting;

/// <summary>Start-up failures an operator causes and can fix, told plainly instead of as a stack trace.</summary>
internal static class StartupFailure
{
    public static string? Describe(Exception ex) => ex switch
    {
        OptionsValidationException options => "gatehouse: invalid configuration:" + Environment.NewLine
            + string.Join(Environment.NewLine, options.Failures.Select(f => "  " + f)),
        PolicyLoadException policy => "gatehouse: " + policy.Message,
        ConfigFileNotFoundException missing => "gatehouse: " + missing.Message,
        _ => null,
    };
}
