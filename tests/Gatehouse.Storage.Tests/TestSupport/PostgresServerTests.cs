namespace Gatehouse.Storage.Tests.TestSupport;

public sealed class PostgresServerTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_connection_string_tests_fail_and_say_how_to_start_postgres(string? value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresServer.FromValue(value));

        Assert.Contains("bash tests/postgres.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains(PostgresServer.VariableName, error.Message, StringComparison.Ordinal);
    }
}
