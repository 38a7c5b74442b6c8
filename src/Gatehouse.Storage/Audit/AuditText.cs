namespace Gatehouse.Storage.Audit;

/// <summary>
/// Makes text storable in both backends. PostgreSQL refuses NUL in text, and a lone UTF-16 surrogate
/// cannot be encoded as UTF-8; a tool name or session id sent by an agent may hold either, and one
/// such entry must not make its whole batch fail again and again. Both become U+FFFD.
/// </summary>
internal static class AuditText
{
    private const char Replacement = '\uFFFD';

    public static string Clean(string value) => NeedsCleaning(value) ? Replace(value) : value;

    public static string? CleanOrNull(string? value) => value is null ? null : Clean(value);

    private static bool NeedsCleaning(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Replace(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                span[i] = c;
                span[i + 1] = source[i + 1];
                i++;
            }
            else
            {
                span[i] = c == '\0' || char.IsSurrogate(c) ? Replacement : c;
            }
        }
    });
}
