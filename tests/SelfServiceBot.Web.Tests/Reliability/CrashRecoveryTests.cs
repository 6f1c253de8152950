using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using SelfServiceBot.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SelfServiceBot.Web.Tests.Reliability;

/// <summary>
/// Exactly once through crashes (docs/reliability.md): the product SIGKILLed at random moments under load and started again,
/// customers retrying what was not acknowledged. Per acknowledged message: one customer_message event, one answer, and its
/// contact in the ledger counted once. scripts/crash-test.sh runs the same at a larger scale (SSB_CRASH_* variables).
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Every_acknowledged_message_is_recorded_answered_and_counted_once_through_sigkills(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("ssb-crash-").FullName;
        await using var postgres = provider == "Postgres" ? await TestPostgres.CreateAsync() : null;
        var database = postgres?.ConnectionString ?? $"Data Source={Path.Combine(folder, "bot.db")}";
        await using var connector = await FakeConnector.StartAsync();
        try
        {
            var load = new CrashLoad(new Dictionary<string, string>
            {
                ["Database__Provider"] = provider,
                ["ConnectionStrings__SelfServiceBot"] = database,
                ["Knowledge__IndexPath"] = Path.Combine(folder, "index"),
                ["Costs__LedgerIntervalSeconds"] = "1",
                // A short lease so a dead worker's claims are taken over within the test's retries.
                ["BotFramework__Claims__Lease"] = "00:00:01",
                ["BotFramework__Claims__RedeliveryWait"] = "00:00:01.500",
                // Every simulated customer comes from this one address: the per-address and per-conversation rate limits
                // would throttle the load itself (the flood tests prove those).
                ["DirectLine__Limits__StartsPerAddress"] = "0",
                ["DirectLine__Limits__PostsPerConversation"] = "0",
            }, folder, connector.Address, kills: Setting("SSB_CRASH_KILLS", 3), concurrency: Setting("SSB_CRASH_CONCURRENCY", 8),
                maxConversations: Setting("SSB_CRASH_CONVERSATIONS", 1000), maxUptimeMilliseconds: Setting("SSB_CRASH_MAX_UPTIME_MS", 4000));
            using var app = await load.RunAsync();
            var acknowledged = load.Acknowledged.ToList();

            await using var db = Open(provider, database);
            var contacts = await WaitForContactsAsync(db, acknowledged);
            var events = await CustomerMessagesAsync(db);
            var log = await DirectLineLogAsync(db);
            var inDoubt = load.Outputs.Split('\n').Where(l => l.Contains("replies in doubt", StringComparison.Ordinal)).ToList();

            var problems = load.Unacknowledged.ToList();
            foreach (var a in acknowledged)
            {
                var recorded = events.GetValueOrDefault(a.Text);
                var answers = a.Transport == "directline"
                    ? log.Count(e => (string?)e["from"]?["role"] == "bot" && (string?)e["type"] == "message" && (string?)e["replyToId"] == a.AnsweredIds[0])
                    : connector.AnswersByReplyTo.GetValueOrDefault(a.ClientId);
                // Over the Bot Connector a reply that left just before the crash, before it was recorded, is sent again: the
                // server says so in its log ("in doubt"). Direct Line logs replies idempotently: no such window.
                // Each takeover in doubt may add one (a turn can be cut in that window again by the next crash).
                var answersAllowed = 1 + (a.Transport == "api/messages" ? inDoubt.Count(l => l.Contains($"/{a.ConversationId}/{a.ClientId}", StringComparison.Ordinal)) : 0);
                var echoes = a.Transport == "directline" ? log.Count(e => (string?)e["from"]?["role"] == "user" && (string?)e["text"] == a.Text) : 1;
                var contact = contacts.Where(c => c.ConversationId == a.ConversationId).ToList();
                if (recorded != 1) problems.Add($"{a.Transport} {a.ClientId}: {recorded} customer_message events");
                if (answers < 1 || answers > answersAllowed) problems.Add($"{a.Transport} {a.ClientId}: {answers} answers");
                if (echoes != 1) problems.Add($"{a.Transport} {a.ClientId}: stored {echoes} times");
                if (a.AnsweredIds.Distinct().Count() != 1) problems.Add($"{a.Transport} {a.ClientId}: answered ids {string.Join(", ", a.AnsweredIds)}");
                if (contact.Count != 1 || contact[0].ArticlesShown.Count != 1)
                {
                    problems.Add($"{a.Transport} {a.ClientId}: {contact.Count} contacts, articles shown {string.Join(";", contact.Select(c => string.Join(",", c.ArticlesShown)))}");
                }
            }
            var lost = acknowledged.Count(a => events.GetValueOrDefault(a.Text) == 0);
            var duplicated = acknowledged.Count(a => events.GetValueOrDefault(a.Text) > 1);
            output.WriteLine($"{provider}: {acknowledged.Count} acknowledged messages ({acknowledged.Count(a => a.Transport == "directline")} over Direct Line), " +
                $"{load.Kills} SIGKILLs, never acknowledged {load.Unacknowledged.Count}, lost {lost}, duplicated {duplicated}, replies in doubt resent {inDoubt.Count}, problems {problems.Count}");
            foreach (var problem in problems.Take(20))
            {
                output.WriteLine(problem);
            }
            Assert.Equal(Setting("SSB_CRASH_KILLS", 3), load.Kills);
            Assert.True(acknowledged.Count >= 10, $"only {acknowledged.Count} messages acknowledged");
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static DbConnection Open(string provider, string connectionString)
    {
        DbConnection connection = provider == "Postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private sealed record Contact(string ConversationId, IReadOnlyList<string> ArticlesShown);

    // The ledger runs every second in the product; a contact whose events were lost never appears, and the test says so.
    private static async Task<List<Contact>> WaitForContactsAsync(DbConnection db, IReadOnlyCollection<Acknowledged> acknowledged)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var contacts = await QueryAsync(db, "SELECT \"ConversationId\", \"ArticlesShown\" FROM \"Contacts\"",
                r => new Contact(r.GetString(0), r.IsDBNull(1) ? [] : r.GetString(1).Split(',')));
            var answered = contacts.Where(c => c.ArticlesShown.Count > 0).Select(c => c.ConversationId).ToHashSet();
            if (acknowledged.All(a => answered.Contains(a.ConversationId)) || DateTime.UtcNow > deadline)
            {
                return contacts;
            }
            await Task.Delay(500);
        }
    }

    private static async Task<Dictionary<string, int>> CustomerMessagesAsync(DbConnection db) =>
        (await QueryAsync(db, "SELECT \"Text\" FROM \"ConversationEvents\" WHERE \"Type\" = 'customer_message'", r => r.IsDBNull(0) ? "" : r.GetString(0)))
        .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<List<JsonNode>> DirectLineLogAsync(DbConnection db) =>
        (await QueryAsync(db, "SELECT \"Json\" FROM \"DirectLineActivities\"", r => r.GetString(0))).Select(j => JsonNode.Parse(j)!).ToList();

    private static async Task<List<T>> QueryAsync<T>(DbConnection db, string sql, Func<DbDataReader, T> read)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
