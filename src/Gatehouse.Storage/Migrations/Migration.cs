namespace Gatehouse.Storage.Migrations;

/// <summary>One numbered schema script, <c>Schema/NNN_name.sql</c>.</summary>
/// <param name="Id">The number, recorded as <c>gatehouse_schema_migrations.id</c>.</param>
/// <param name="Name">The file name without extension, for example <c>001_orleans_clustering</c>.</param>
/// <param name="Sql">The script, run in one transaction.</param>
internal sealed record Migration(int Id, string Name, string Sql);
