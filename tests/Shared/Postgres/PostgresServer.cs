namespace Gatehouse.Testing;

/// <summary>The PostgreSQL server the tests run against, named by GATEHOUSE_TEST_POSTGRES.</summary>
internal static class PostgresServer
{
    public const string VariableName = "GATEHOUSE_TEST_POSTGRES";

    /// <summary>The server's connection string; throws (so the test fails, never skips) when unset.</summary>
    public static string ConnectionString => FromValue(Environment.GetEnvironmentVariable(VariableName));

    internal static string FromValue(string? value) => string.IsNullOrWhiteSpace(value)
        ? throw new InvalidOperationException(
            $"{VariableName} is not set, so the tests have no PostgreSQL. Run `bash tests/postgres.sh` "
            + $"and export the connection string it prints last: export {VariableName}=\"$(bash tests/postgres.sh | tail -n 1)\" (tests/run.sh does both).")
        : value;
}
