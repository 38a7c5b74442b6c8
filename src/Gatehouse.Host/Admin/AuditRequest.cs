using System.Globalization;
using Gatehouse.Storage.Audit;

namespace Gatehouse.Host.Admin;

/// <summary>Reads the query string of <c>GET /admin/audit</c> into an <see cref="AuditQuery"/>, or says which parameter is wrong.</summary>
internal static class AuditRequest
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Empty values mean "not given". Times are ISO-8601; without an offset they are UTC.</summary>
    /// <returns>The query, or <see langword="null"/> with <paramref name="error"/> naming the parameter at fault.</returns>
    public static AuditQuery? Parse(string? grant, string? tool, string? action, string? from, string? to, string? page, string? pageSize, out string? error)
    {
        error = null;
        action = Blank(action);
        if (action is not null && !AuditActions.IsKnown(action))
        {
            error = $"action: '{action}' is not one of {string.Join(", ", AuditActions.All)}.";
            return null;
        }

        if (!TryTime(from, out var fromTime))
        {
            error = $"from: '{from}' is not an ISO-8601 time such as 2026-01-31T12:00:00Z.";
            return null;
        }

        if (!TryTime(to, out var toTime))
        {
            error = $"to: '{to}' is not an ISO-8601 time such as 2026-01-31T12:00:00Z.";
            return null;
        }

        if (fromTime > toTime)
        {
            error = "from: must not be later than to.";
            return null;
        }

        if (!TryNumber(page, 1, 1, int.MaxValue, out var pageNumber))
        {
            error = $"page: '{page}' is not a whole number from 1.";
            return null;
        }

        if (!TryNumber(pageSize, DefaultPageSize, 1, MaxPageSize, out var size))
        {
            error = $"pageSize: '{pageSize}' is not a whole number from 1 to {MaxPageSize}.";
            return null;
        }

        return new AuditQuery(Blank(grant), Blank(tool), action, fromTime, toTime, pageNumber, size);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Styles, out var parsed)
            // An unencoded '+' of an offset arrives as a space: "2026-01-31T12:00:00 02:00".
            || DateTimeOffset.TryParse(value.Trim().Replace(' ', '+'), CultureInfo.InvariantCulture, Styles, out parsed))
        {
            time = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static bool TryNumber(string? value, int fallback, int min, int max, out int number)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            number = fallback;
            return true;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max;
    }
}
