using System.Data;
using Npgsql;

namespace Gatehouse.Storage.Tests.TestSupport;

/// <summary>
/// Runs the texts stored in orleansquery the way the provider does: as-is, autocommit, named
/// parameters typed text / integer / DbType.DateTime (timestamptz) / untyped NULL.
/// </summary>
internal sealed class StoredQueries(string connectionString)
{
    public Task<string> TextAsync(string key) =>
        Sql.ScalarAsync<string>(connectionString, "SELECT querytext FROM orleansquery WHERE querykey = @key", ("key", key));

    public async Task<object?> ScalarAsync(string key, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = await CreateAsync(connection, key, parameters);
        return await command.ExecuteScalarAsync();
    }

    public async Task<int> ExecuteAsync(string key, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = await CreateAsync(connection, key, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlCommand> CreateAsync(NpgsqlConnection connection, string key, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(await TextAsync(key), connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        string text => new NpgsqlParameter(name, DbType.String) { Value = text },
        int number => new NpgsqlParameter(name, DbType.Int32) { Value = number },
        DateTime time => new NpgsqlParameter(name, DbType.DateTime) { Value = time },
        _ => throw new ArgumentException($"The provider sends no {value.GetType().Name} parameters.", nameof(value)),
    };
}
