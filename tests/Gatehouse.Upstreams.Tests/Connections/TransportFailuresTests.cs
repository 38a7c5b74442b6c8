using System.Net;
using System.Net.Sockets;
using Gatehouse.Upstreams;

namespace Gatehouse.Upstreams.Tests.Connections;

public sealed class TransportFailuresTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new HttpRequestException(HttpRequestError.ResponseEnded, "An error occurred while sending the request."), true },
        { new HttpRequestException(HttpRequestError.Unknown, "An error occurred while sending the request.", new IOException("Connection reset by peer")), true },
        { new InvalidOperationException("wrapped", new HttpRequestException(HttpRequestError.ResponseEnded, "ended")), true },
        { new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused)), false },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"), false },
        { new HttpRequestException("Response status code does not indicate success: 502 (Bad Gateway).", null, HttpStatusCode.BadGateway), false },
        { new HttpRequestException(HttpRequestError.Unknown, "no cause"), false },
        { new TimeoutException("no initialize answer within 10 s"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_a_connection_that_broke_before_any_answer_counts_as_dropped(Exception failure, bool dropped) =>
        Assert.Equal(dropped, TransportFailures.IsDroppedBeforeAnswer(failure));

    [Fact]
    public void A_failure_is_described_with_the_causes_that_add_to_it()
    {
        var failure = new HttpRequestException(
            HttpRequestError.Unknown,
            "An error occurred while sending the request.",
            new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));

        var described = TransportFailures.Describe(failure);

        Assert.Equal(
            "An error occurred while sending the request. (Unable to read data from the transport connection: Connection reset by peer.)",
            described);
        Assert.Equal("plain", TransportFailures.Describe(new InvalidOperationException("plain")));
        Assert.Equal("outer (inner)", TransportFailures.Describe(new InvalidOperationException("outer", new IOException("inner"))));
    }
}
