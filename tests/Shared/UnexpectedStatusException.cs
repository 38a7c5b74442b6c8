using System.Net;

namespace Gatehouse.Testing;

/// <summary>An HTTP answer with another status than the test expected; the message carries the body, which says why.</summary>
internal sealed class UnexpectedStatusException(string request, HttpStatusCode expected, HttpStatusCode actual, string body)
    : Exception($"{request} answered {(int)actual} {actual}, not {(int)expected} {expected}. Body: {(body.Length == 0 ? "(empty)" : body)}")
{
    public HttpStatusCode Actual { get; } = actual;

    public string Body { get; } = body;
}
