using System.Text;

namespace Gatehouse.Upstreams;

/// <summary>What a failed HTTP exchange with an upstream says about itself.</summary>
internal static class TransportFailures
{
    /// <summary>
    /// The connection broke before the upstream answered anything: no status line came back, and the
    /// connection had been made (an upstream that refuses connections, or a name that does not resolve,
    /// is not this): the upstream reset it, or closed it, before its answer began.
    /// </summary>
    public static bool IsDroppedBeforeAnswer(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: null, HttpRequestError: HttpRequestError.ResponseEnded } => true,
        HttpRequestException { StatusCode: null, HttpRequestError: HttpRequestError.Unknown, InnerException: IOException } => true,
        _ => ex.InnerException is not null && IsDroppedBeforeAnswer(ex.InnerException),
    };

    /// <summary>
    /// The failure's message, followed by those of its causes that add something, so that "An error
    /// occurred while sending the request." says which error it was.
    /// </summary>
    public static string Describe(Exception ex)
    {
        var text = new StringBuilder(ex.Message);
        var said = ex.Message;
        for (var cause = ex.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause.Message.Length > 0 && !said.Contains(cause.Message, StringComparison.Ordinal))
            {
                text.Append(" (").Append(cause.Message).Append(')');
                said = cause.Message;
            }
        }

        return text.ToString();
    }
}
