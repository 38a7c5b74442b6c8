namespace Gatehouse.Gateway.Audit;

/// <summary>How <see cref="AuditWriter"/> queues and writes; the defaults are what a replica runs with.</summary>
internal sealed record AuditWriterSettings
{
    /// <summary>Entries held in memory, waiting or being retried, before new ones are dropped. Default 100 000.</summary>
    public int Capacity { get; init; } = 100_000;

    /// <summary>Most entries written in one batch (one COPY or one transaction). Default 500.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Wait before retrying a failed batch the first time; doubled on each failure. Default 200 ms.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between retries of a failed batch. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>At most one log line about dropped entries per this interval. Default 10 s.</summary>
    public TimeSpan DropLogInterval { get; init; } = TimeSpan.FromSeconds(10);
}
