using System.Diagnostics;
using System.Globalization;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>A process a scenario started; the tail of its output is kept for error messages; killed on dispose.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private const int KeptProblemLines = 2000;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _problems = [];
    private bool _inProblem;

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the process.</summary>
    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// CPU time the process has used since it started, user and system, all its threads (on Linux, utime + stime of
    /// <c>/proc/PID/stat</c>, read afresh each time, in clock ticks of 10 ms). Only this process: <c>dotnet app.dll</c>
    /// and <c>node script.mjs</c> run the program in the process started.
    /// </summary>
    public TimeSpan CpuTime => _process.TotalProcessorTime;

    public string Output
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>
    /// The warnings, errors and critical entries of its console log (<c>warn:</c>, <c>fail:</c>, <c>crit:</c> and their
    /// indented lines), up to 2000 lines from the start: what a flood of information entries would push out of <see cref="Output"/>.
    /// </summary>
    public string Problems
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _problems);
            }
        }
    }

    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Stops the process the way <c>kill -9</c> does: no chance to clean up or leave the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Sends SIGTERM, as Kubernetes does to stop a pod: the process may finish its work and leave.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}");
        }
    }

    /// <summary>Waits for the process to end by itself, killing it if it takes longer than <paramref name="limit"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{_process.StartInfo.FileName} did not finish within {limit}. Output:\n{Output}");
        }

        _process.WaitForExit();
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }

            _inProblem = line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
                || (_inProblem && line.StartsWith(' '));
            if (_inProblem && _problems.Count < KeptProblemLines)
            {
                _problems.Add(line);
            }
        }
    }
}
