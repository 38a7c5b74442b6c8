using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>
/// The C# test upstream (tests/Gatehouse.TestUpstream) over Streamable HTTP with sessions, as its own
/// process: its spans stay out of this process, so what it saw of the trace comes only from its <c>trace</c> tool.
/// </summary>
internal sealed class UpstreamProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = Eventually.Ceiling;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private UpstreamProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<UpstreamProcess> StartAsync()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Paths.TestUpstreamDll, "--stateful", "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning" })
        {
            info.ArgumentList.Add(argument);
        }

        var upstream = new UpstreamProcess(new Process { StartInfo = info }, new Uri($"http://127.0.0.1:{port}/mcp"));
        upstream._process.OutputDataReceived += (_, e) => upstream.Append(e.Data);
        upstream._process.ErrorDataReceived += (_, e) => upstream.Append(e.Data);
        upstream._process.Start();
        upstream._process.BeginOutputReadLine();
        upstream._process.BeginErrorReadLine();
        try
        {
            await upstream.WaitUntilListeningAsync();
        }
        catch
        {
            await upstream.DisposeAsync();
            throw;
        }

        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The test upstream exited before it listened. Output:\n{Output}");
            }

            try
            {
                // Any HTTP answer (a GET without a session is refused) means the server listens.
                using var response = await http.GetAsync(Endpoint);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"The test upstream did not listen within {StartLimit}. Output:\n{Output}");
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
