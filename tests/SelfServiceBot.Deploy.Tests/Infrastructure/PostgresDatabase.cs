using Npgsql;

namespace SelfServiceBot.Deploy.Tests.Infrastructure;

/// <summary>
/// A new, empty database on the PostgreSQL that ./test.sh starts (SSB_TEST_POSTGRES, from scripts/start-test-postgres.sh),
/// dropped at the end. Without it the test fails with the fix; it is never skipped.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable("SSB_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "SSB_TEST_POSTGRES is not set: run the tests with ./test.sh, or export SSB_TEST_POSTGRES=$(scripts/start-test-postgres.sh).");
        }
        var database = new PostgresDatabase(server, $"{prefix}_{Guid.NewGuid():N}"[..40]);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
