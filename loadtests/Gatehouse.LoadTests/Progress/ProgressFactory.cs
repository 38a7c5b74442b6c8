namespace Gatehouse.LoadTests.Progress;

/// <summary>Picks the progress display: live on a terminal, plain lines when output is redirected or <c>--no-progress</c> is given.</summary>
internal static class ProgressFactory
{
    public static async Task<T> RunWithAsync<T>(string title, bool plain, TextWriter error, Func<ProgressView, Task<T>> body)
    {
        if (plain || Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            return await body(new PlainProgress(error));
        }

        var live = new LiveProgress(title);
        try
        {
            return await body(live);
        }
        finally
        {
            await live.DisposeAsync();
        }
    }
}
