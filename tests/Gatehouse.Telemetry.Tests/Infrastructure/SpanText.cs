using System.Diagnostics;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>Every piece of text a span carries out of the process: names, tag values, baggage, events, links, status.</summary>
internal static class SpanText
{
    public static IEnumerable<string> Of(Activity span)
    {
        yield return span.DisplayName;
        yield return span.OperationName;
        if (span.StatusDescription is { } status)
        {
            yield return status;
        }

        foreach (var value in Values(span.TagObjects))
        {
            yield return value;
        }

        foreach (var (_, value) in span.Baggage)
        {
            yield return value ?? string.Empty;
        }

        foreach (var spanEvent in span.Events)
        {
            yield return spanEvent.Name;
            foreach (var value in Values(spanEvent.Tags))
            {
                yield return value;
            }
        }

        foreach (var link in span.Links)
        {
            foreach (var value in Values(link.Tags ?? []))
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<string> Values(IEnumerable<KeyValuePair<string, object?>> tags) =>
        tags.Select(tag => tag.Key + "=" + Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
}
