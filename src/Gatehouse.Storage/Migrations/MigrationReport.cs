namespace Gatehouse.Storage.Migrations;

/// <summary>What one <see cref="SchemaMigrator.MigrateAsync"/> run did.</summary>
/// <param name="Applied">Migrations this run applied, in order (for example <c>001_orleans_clustering</c>).</param>
/// <param name="AlreadyPresent">Migrations that were already recorded in the database and were skipped.</param>
public sealed record MigrationReport(IReadOnlyList<string> Applied, IReadOnlyList<string> AlreadyPresent);
