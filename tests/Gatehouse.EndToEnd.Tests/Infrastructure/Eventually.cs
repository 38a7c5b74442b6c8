namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Polls until a value satisfies a condition, for results that are written asynchronously.</summary>
internal static class Eventually
{
    /// <summary>The first value of <paramref name="read"/> that satisfies <paramref name="done"/>, or the last one read when <paramref name="limit"/> passes.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
