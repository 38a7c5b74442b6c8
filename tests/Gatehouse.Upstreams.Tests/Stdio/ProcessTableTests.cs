using System.Diagnostics;
using Gatehouse.Testing;

namespace Gatehouse.Upstreams.Tests.Stdio;

/// <summary>Finding a session's processes by their marker variable, and reading their memory, from a real child process (Linux).</summary>
public sealed class ProcessTableTests
{
    [Fact]
    public async Task A_marked_process_is_found_with_its_memory_and_is_gone_once_it_ends()
    {
        var marker = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("sleep", "300") { UseShellExecute = false };
        start.Environment["GATEHOUSE_TEST_MARK"] = marker;
        using var child = Process.Start(start)!;
        try
        {
            // Process.Start returns once the child is forked; its environment is the marked one only once it has run exec.
            var found = await Eventually.ValueAsync(
                () => Task.FromResult(ProcessTable.WithEnvironment("GATEHOUSE_TEST_MARK", marker)),
                pids => pids.Count > 0,
                _ => "the child process, marked");

            Assert.Equal([child.Id], found);
            Assert.True(ProcessTable.ResidentBytes(found) > 0);
            Assert.Empty(ProcessTable.WithEnvironment("GATEHOUSE_TEST_MARK", marker[..^1]));
            Assert.Empty(ProcessTable.WithEnvironment("GATEHOUSE_TEST_MAR", marker));
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }

        Assert.Empty(ProcessTable.WithEnvironment("GATEHOUSE_TEST_MARK", marker));
        Assert.Equal(0, ProcessTable.ResidentBytes([child.Id]));
    }
}
