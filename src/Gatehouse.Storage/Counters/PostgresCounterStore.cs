using System.Threading.Channels;
using Gatehouse.Grains;
using Gatehouse.Policy;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage;

/// <summary>
/// Durable counter windows in <c>gatehouse_counters</c>, written by group commit: saves queue up while
/// a write is in flight, and the next write stores all of them in one batch, one round trip. Each save
/// is a compare-and-set on the row's version, the fencing token of the activation that saves it.
/// </summary>
public sealed partial class PostgresCounterStore : ICounterStore, IAsyncDisposable
{
    /// <summary>Most saves one round trip carries.</summary>
    public const int MaxBatch = 512;

    private const string SelectSql = "SELECT state::text, version FROM gatehouse_counters WHERE counter_key = $1";
    private const string InsertSql = "INSERT INTO gatehouse_counters (counter_key, state, version) VALUES ($1, $2, 1) ON CONFLICT (counter_key) DO NOTHING";
    private const string UpdateSql = "UPDATE gatehouse_counters SET state = $2, version = version + 1, updated_at = now() WHERE counter_key = $1 AND version = $3";

    private readonly NpgsqlDataSource _database;
    private readonly ILogger<PostgresCounterStore> _logger;
    private readonly Channel<PendingSave> _queue = Channel.CreateUnbounded<PendingSave>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _writes;
    private long _saves;

    public PostgresCounterStore(NpgsqlDataSource database, ILogger<PostgresCounterStore> logger)
    {
        _database = database;
        _logger = logger;
        _writer = WriteLoopAsync();
    }

    public bool IsDurable => true;

    /// <summary>Round trips made so far, and saves they carried (to measure the group commit).</summary>
    public (long Writes, long Saves) Statistics => (Interlocked.Read(ref _writes), Interlocked.Read(ref _saves));

    public async Task<StoredCounter?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredCounter(CounterStateJson.Read(reader.GetString(0)), reader.GetInt64(1))
            : null;
    }

    public Task<long> SaveAsync(string key, CounterState state, long expectedVersion, CancellationToken cancellationToken)
    {
        var save = new PendingSave(key, CounterStateJson.Write(state), expectedVersion);
        if (!_queue.Writer.TryWrite(save))
        {
            throw new ObjectDisposedException(nameof(PostgresCounterStore));
        }

        return save.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingSave>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var save))
            {
                batch.Add(save);
            }

            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.WriteFailed(_logger, batch.Count, ex.GetType().Name, ex.Message);
                foreach (var save in batch)
                {
                    save.Completion.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingSave> saves)
    {
        await using var connection = await _database.OpenConnectionAsync().ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var save in saves)
        {
            var command = new NpgsqlBatchCommand(save.ExpectedVersion == 0 ? InsertSql : UpdateSql);
            command.Parameters.Add(new NpgsqlParameter { Value = save.Key });
            command.Parameters.Add(new NpgsqlParameter { Value = save.StateJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
            if (save.ExpectedVersion != 0)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = save.ExpectedVersion });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _saves, saves.Count);
        for (var i = 0; i < saves.Count; i++)
        {
            var save = saves[i];
            if (batch.BatchCommands[i].RecordsAffected == 1)
            {
                save.Completion.TrySetResult(save.ExpectedVersion + 1);
            }
            else
            {
                save.Completion.TrySetException(new CounterFencedException(save.Key));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Could not store {Count} counter windows: {ErrorType}: {Error}")]
        public static partial void WriteFailed(ILogger logger, int count, string errorType, string error);
    }
}
