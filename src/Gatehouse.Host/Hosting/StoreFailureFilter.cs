using Gatehouse.Grains.Storage;
using Npgsql;

namespace Gatehouse.Host.Hosting;

/// <summary>
/// Around every grain call this silo serves: a failure of PostgreSQL leaves the grain as a
/// <see cref="StoreUnavailableException"/>, which Orleans can carry to a caller on another silo. Npgsql's exceptions
/// have no Orleans codec, so the caller would otherwise learn only that a codec was missing.
/// </summary>
internal sealed class StoreFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (NpgsqlException ex)
        {
            throw new StoreUnavailableException($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
