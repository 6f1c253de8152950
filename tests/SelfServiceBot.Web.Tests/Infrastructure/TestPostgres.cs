using Npgsql;

namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, empty PostgreSQL database for one test, on the server named by SSB_TEST_POSTGRES (test.sh starts one;
/// scripts/start-test-postgres.sh prints it), dropped at the end. Without the variable the test fails and says how to set it.
/// </summary>
internal sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "SSB_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _database;

    private TestPostgres(string admin, string database)
    {
        _admin = admin;
        _database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestPostgres> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{Variable} is not set: run ./test.sh, or export {Variable}=$(scripts/start-test-postgres.sh)");
        var database = "ssb_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        return new TestPostgres(admin, database);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
        catch (PostgresException)
        {
            // A database left behind (an autovacuum worker connected at that moment) is not the test's failure.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is "55006" or "42501" && attempt < 5)
            {
                // "template1 is being accessed by other users": another test is creating its database right now.
                await Task.Delay(200 * attempt);
            }
        }
    }
}
