using Gatehouse.Grains.Storage;
using Npgsql;

namespace Gatehouse.Host.Admin;

/// <summary>Tells a request that failed because PostgreSQL did not answer from any other failure.</summary>
internal static class DatabaseUnavailability
{
    /// <summary>
    /// The database's failure somewhere in <paramref name="exception"/>'s causes, or null: Npgsql's own exception when
    /// this replica met it, a <see cref="StoreUnavailableException"/> when a grain did.
    /// </summary>
    public static Exception? CauseOf(Exception? exception) => exception switch
    {
        null => null,
        NpgsqlException or StoreUnavailableException => exception,
        AggregateException aggregate => aggregate.InnerExceptions.Select(CauseOf).FirstOrDefault(cause => cause is not null),
        _ => CauseOf(exception.InnerException),
    };
}
