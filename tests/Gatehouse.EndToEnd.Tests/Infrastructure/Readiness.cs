namespace Gatehouse.EndToEnd.Tests.Infrastructure;

internal static class Readiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Polls until the URL answers with the expected status, or fails with the process's output.</summary>
    public static async Task WaitForAsync(Uri url, ChildProcess process, TimeSpan limit, Func<int, bool>? isReady = null)
    {
        isReady ??= status => status is >= 200 and < 300;
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new ProcessExitedException($"The process exited before {url} was ready. Output:\n{process.Output}");
            }

            try
            {
                using var response = await Http.GetAsync(url);
                if (isReady((int)response.StatusCode))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{url} was not ready within {limit}. Output:\n{process.Output}");
    }
}

/// <summary>A child process ended before it was ready (e.g. a replica its cluster declared dead while it joined).</summary>
internal sealed class ProcessExitedException(string message) : InvalidOperationException(message);
