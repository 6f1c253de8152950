using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Data;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>The migrate, backup and restore verbs, run as the product's executable against a real database.</summary>
public sealed class DatabaseCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ssb-tests", Guid.NewGuid().ToString("N"));

    public DatabaseCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_check_reports_what_is_pending_migrate_applies_it_once_and_then_check_passes(string provider)
    {
        await using var postgres = provider == "Postgres" ? await TestPostgres.CreateAsync() : null;
        var environment = Environment(provider, postgres);
        var migrations = KnownMigrations(environment);

        var before = await RunAsync(environment, "migrate", "--check");
        Assert.Equal(1, before.Exit);
        Assert.All(migrations, id => Assert.Contains(id, before.Stdout));

        var migrate = await RunAsync(environment, "migrate");
        Assert.True(migrate.Exit == 0, migrate.Stderr);
        Assert.Contains($"Applied {migrations.Count} migration(s): {string.Join(", ", migrations)}", migrate.Stdout);

        var again = await RunAsync(environment, "migrate");
        Assert.Equal(0, again.Exit);
        Assert.Contains("nothing to apply", again.Stdout);
        Assert.Equal(0, (await RunAsync(environment, "migrate", "--check")).Exit);
        var list = await RunAsync(environment, "migrate", "--list");
        Assert.Equal(migrations.Select(id => $"applied  {id}"), list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        Assert.Equal(2, (await RunAsync(environment, "migrate", "--check", "--list")).Exit);
    }

    [Fact]
    public async Task Backup_and_restore_of_sqlite_answer_with_clear_messages_and_exit_codes()
    {
        var environment = Environment("Sqlite", null);
        Assert.Equal(0, (await RunAsync(environment, "migrate")).Exit);
        var backup = Path.Combine(_folder, "backups", "nightly.db");

        var first = await RunAsync(environment, "backup", "--to", backup);
        Assert.True(first.Exit == 0, first.Stderr);
        Assert.Contains(backup, first.Stdout);
        Assert.True(File.Exists(backup));
        var second = await RunAsync(environment, "backup", "--to", backup);
        Assert.Equal(1, second.Exit);
        Assert.Contains("--force", second.Stderr);
        Assert.Equal(0, (await RunAsync(environment, "backup", "--to", backup, "--force")).Exit);

        var usage = await RunAsync(environment, "backup");
        Assert.Equal(2, usage.Exit);
        Assert.Contains("--to FILE", usage.Stderr);

        var missing = await RunAsync(environment, "restore", "--from", Path.Combine(_folder, "nope.db"), "--force");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("no file", missing.Stderr);
        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, new string('x', 4096));
        var notDatabase = await RunAsync(environment, "restore", "--from", text, "--force");
        Assert.Equal(1, notDatabase.Exit);
        Assert.Contains("not a SQLite database", notDatabase.Stderr);

        var withoutForce = await RunAsync(environment, "restore", "--from", backup);
        Assert.Equal(1, withoutForce.Exit);
        Assert.Contains("--force", withoutForce.Stderr);
        var restored = await RunAsync(environment, "restore", "--from", backup, "--force");
        Assert.True(restored.Exit == 0, restored.Stderr);
        Assert.Equal(0, (await RunAsync(environment, "migrate", "--check")).Exit);
    }

    [Fact]
    public async Task A_backup_is_taken_while_the_server_runs_and_a_restore_waits_until_it_stopped()
    {
        var environment = Environment("Sqlite", null);
        var backup = Path.Combine(_folder, "live.db");
        using (var server = ProductProcess.Start(environment, _folder))
        {
            Assert.True(await server.WaitHealthyAsync(TimeSpan.FromSeconds(90)), server.Output);
            var taken = await RunAsync(environment, "backup", "--to", backup);
            Assert.True(taken.Exit == 0, taken.Stderr);

            var refused = await RunAsync(environment, "restore", "--from", backup, "--force");
            Assert.Equal(1, refused.Exit);
            Assert.Contains("in use", refused.Stderr);
            server.Terminate();
            await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        var restored = await RunAsync(environment, "restore", "--from", backup, "--force");
        Assert.True(restored.Exit == 0, restored.Stderr);
    }

    [Fact]
    public async Task Backup_and_restore_on_postgres_point_to_pg_dump_and_pg_restore_and_exit_2()
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__SelfServiceBot"] = "Host=127.0.0.1;Database=unused;Username=unused",
        };
        var backup = await RunAsync(environment, "backup", "--to", Path.Combine(_folder, "x.dump"));
        var restore = await RunAsync(environment, "restore", "--from", Path.Combine(_folder, "x.dump"));

        Assert.Equal(2, backup.Exit);
        Assert.Contains("pg_dump", backup.Stderr);
        Assert.Equal(2, restore.Exit);
        Assert.Contains("pg_restore", restore.Stderr);
        Assert.False(File.Exists(Path.Combine(_folder, "x.dump")));
    }

    private Dictionary<string, string> Environment(string provider, TestPostgres? postgres) => new()
    {
        ["Database__Provider"] = provider,
        ["ConnectionStrings__SelfServiceBot"] = postgres?.ConnectionString ?? $"Data Source={Path.Combine(_folder, "bot.db")}",
    };

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(Dictionary<string, string> environment, params string[] args) =>
        ProductExecutable.RunInAsync(_folder, environment, args);

    /// <summary>The migrations this build has, read from the app's own model, as the verbs see them.</summary>
    private static List<string> KnownMigrations(Dictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.ToDictionary(e => e.Key.Replace("__", ":"), e => (string?)e.Value))
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddBotDatabase().BuildServiceProvider();
        using var context = services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();
        return context.Database.GetMigrations().ToList();
    }
}
