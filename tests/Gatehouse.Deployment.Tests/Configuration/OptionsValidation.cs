using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gatehouse.Deployment.Tests.Configuration;

/// <summary>The app's own options validator (internal to the host, so reached by reflection), as it runs at start.</summary>
internal static class OptionsValidation
{
    private const string ValidatorTypeName = "Gatehouse.Gateway.Configuration.GatehouseOptionsValidator";

    public static IReadOnlyList<string> Faults(GatehouseOptions options)
    {
        var type = typeof(GatehouseOptions).Assembly.GetType(ValidatorTypeName)
            ?? throw new InvalidOperationException($"The host has no {ValidatorTypeName}; update this test to the app's validator.");
        var validator = (IValidateOptions<GatehouseOptions>)(Activator.CreateInstance(type, nonPublic: true)
            ?? throw new InvalidOperationException($"Could not create {ValidatorTypeName}."));
        var result = validator.Validate(Options.DefaultName, options);
        return result.Failed ? [.. result.Failures ?? [result.FailureMessage]] : [];
    }
}
