using Microsoft.Extensions.Options;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>Checks <c>Gatehouse:Console</c> at start; each message names the key at fault.</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var faults = new List<string>();
        if (options.SessionHours is <= 0 or > 24 * 30)
        {
            faults.Add("Gatehouse:Console:SessionHours must be more than 0 and at most 720.");
        }

        if (options.TraceUrl is { } trace && (!trace.Contains("{traceId}", StringComparison.Ordinal) || !Uri.TryCreate(trace.Replace("{traceId}", "x", StringComparison.Ordinal), UriKind.Absolute, out _)))
        {
            faults.Add("Gatehouse:Console:TraceUrl must be an absolute URL containing {traceId}.");
        }

        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }
}
