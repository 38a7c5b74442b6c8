namespace Gatehouse.LoadTests.Infrastructure;

internal static class Readiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Polls until the URL answers with a status <paramref name="isReady"/> accepts (2xx by default).</summary>
    public static async Task WaitForAsync(Uri url, ChildProcess process, TimeSpan limit, Func<int, bool>? isReady = null)
    {
        isReady ??= status => status is >= 200 and < 300;
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The process exited before {url} was ready. Output:\n{process.Output}");
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
