using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace Gatehouse.Upstreams.Tests.Connections;

public sealed class UpstreamResilienceTests
{
    /// <summary>A real HTTP server on loopback that answers every request 500 and counts them.</summary>
    private sealed class FailingServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _requests;

        public FailingServer()
        {
            _listener.Start();
            _loop = ServeAsync();
        }

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/mcp");

        public int Requests => Volatile.Read(ref _requests);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            var answer = Encoding.ASCII.GetBytes("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                _ = await stream.ReadAsync(new byte[4096], _stop.Token);
                Interlocked.Increment(ref _requests);
                await stream.WriteAsync(answer, _stop.Token);
            }
        }
    }

    [Fact]
    public async Task An_upstream_that_keeps_failing_is_cut_off_by_its_circuit_breaker()
    {
        await using var server = new FailingServer();
        await using var services = new ServiceCollection().AddUpstreamHttpClient("flaky").BuildServiceProvider();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(UpstreamTransportFactory.HttpClientName("flaky"));

        for (var i = 0; i < UpstreamResilience.MinimumThroughput; i++)
        {
            using var response = await http.PostAsync(server.Url, new StringContent("{}"));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        var seen = server.Requests;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => http.PostAsync(server.Url, new StringContent("{}")));
        Assert.Equal(seen, server.Requests);
    }

    [Fact]
    public async Task Each_upstream_has_a_breaker_of_its_own()
    {
        await using var server = new FailingServer();
        await using var services = new ServiceCollection().AddUpstreamHttpClient("flaky").AddUpstreamHttpClient("steady").BuildServiceProvider();
        var factory = services.GetRequiredService<IHttpClientFactory>();
        var flaky = factory.CreateClient(UpstreamTransportFactory.HttpClientName("flaky"));
        for (var i = 0; i < UpstreamResilience.MinimumThroughput; i++)
        {
            (await flaky.PostAsync(server.Url, new StringContent("{}"))).Dispose();
        }

        using var steady = await factory.CreateClient(UpstreamTransportFactory.HttpClientName("steady")).PostAsync(server.Url, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.InternalServerError, steady.StatusCode);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => flaky.PostAsync(server.Url, new StringContent("{}")));
    }
}
