using Microsoft.Extensions.Logging;

namespace Gatehouse.Storage.Migrations;

/// <summary>Schema migration events (ids 3000–3099). Never a connection string.</summary>
internal static partial class SchemaMigratorLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Applied schema migration {Migration} in {ElapsedMilliseconds} ms")]
    public static partial void Applied(ILogger logger, string migration, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Schema migration {Migration} is already applied")]
    public static partial void AlreadyPresent(ILogger logger, string migration);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Schema is current: {AppliedCount} migration(s) applied, {PresentCount} already present")]
    public static partial void Completed(ILogger logger, int appliedCount, int presentCount);
}
