using System.Diagnostics;
using Orleans.Runtime;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>
/// A silo in a child process (this assembly run through <see cref="SiloProcessProgram"/>), so that
/// it can really be killed with SIGKILL: no shutdown code, no status written, sockets gone.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, SiloAddress address, int siloPort, int gatewayPort)
    {
        _process = process;
        Address = address;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public SiloAddress Address { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId)
    {
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(SiloProcess).Assembly.Location, SiloProcessProgram.Command, clusterId, $"{siloPort}", $"{gatewayPort}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[SiloProcessProgram.ConnectionStringVariable] = connectionString;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(Eventually.Ceiling);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(SiloProcessProgram.StartedPrefix, StringComparison.Ordinal))
                {
                    var address = SiloAddress.FromParsableString(line[SiloProcessProgram.StartedPrefix.Length..]);
                    return new SiloProcess(process, address, siloPort, gatewayPort);
                }
            }

            throw new InvalidOperationException($"The silo process exited before it started: {await errors}");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>kill -9: the process ends at once, without running any of its code.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
