using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Backup;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Data.Tests.Backup;

/// <summary>Backup and restore of a real, migrated SQLite database file, as the backup and restore verbs run them.</summary>
public sealed class SqliteBackupTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _folder = Path.GetDirectoryName(DatabasePath)!;
        Execute(DatabasePath, "CREATE TABLE Probe (Id INTEGER PRIMARY KEY, Pair INTEGER NOT NULL)");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private string DatabasePath
    {
        get
        {
            using var context = _db.Factory.CreateDbContext();
            return new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource;
        }
    }

    [Fact]
    public async Task A_backup_taken_while_another_connection_writes_is_intact_and_has_every_row_committed_before_it()
    {
        // Rows go in pairs, one transaction per pair: a backup with half a pair would be inconsistent.
        using var stop = new CancellationTokenSource();
        var committedPairs = 0;
        var writer = Task.Run(() =>
        {
            using var connection = Open(DatabasePath);
            for (var pair = 1; !stop.IsCancellationRequested; pair++)
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, $"INSERT INTO Probe (Pair) VALUES ({pair}); INSERT INTO Probe (Pair) VALUES ({pair})");
                transaction.Commit();
                Volatile.Write(ref committedPairs, pair);
            }
        });
        SpinWait.SpinUntil(() => Volatile.Read(ref committedPairs) >= 200);
        var before = Volatile.Read(ref committedPairs);

        var target = Path.Combine(_folder, "backups", "bot-backup.db");
        var summary = await SqliteBackup.BackupAsync(DatabasePath, target, overwrite: false, CancellationToken.None);
        var afterBackup = Volatile.Read(ref committedPairs);
        await stop.CancelAsync();
        await writer;

        Assert.Equal(target, summary.Path);
        Assert.Equal("ok", Scalar(target, "PRAGMA integrity_check"));
        var rows = Convert.ToInt64(Scalar(target, "SELECT count(*) FROM Probe"));
        var pairs = Convert.ToInt64(Scalar(target, "SELECT count(DISTINCT Pair) FROM Probe"));
        var highest = Convert.ToInt64(Scalar(target, "SELECT max(Pair) FROM Probe"));
        Assert.Equal(pairs * 2, rows);
        Assert.Equal(highest, pairs);
        Assert.InRange(highest, before, afterBackup);
        Assert.Equal(DatabaseMigrations(), summary.Migrations);
    }

    [Fact]
    public async Task Restoring_a_backup_brings_back_its_data_and_a_second_backup_to_the_same_file_needs_force()
    {
        Execute(DatabasePath, "INSERT INTO Probe (Pair) VALUES (1), (2), (3)");
        var backup = Path.Combine(_folder, "backup.db");
        await SqliteBackup.BackupAsync(DatabasePath, backup, overwrite: false, CancellationToken.None);
        var again = await Assert.ThrowsAsync<DatabaseBackupException>(() =>
            SqliteBackup.BackupAsync(DatabasePath, backup, overwrite: false, CancellationToken.None));
        Assert.Contains("--force", again.Message);

        Execute(DatabasePath, "DELETE FROM Probe; INSERT INTO Probe (Pair) VALUES (99)");
        // The app's own pooled connections would hold the file open (as a running server's do): the restore needs it closed.
        SqliteConnection.ClearAllPools();
        var refused = await Assert.ThrowsAsync<DatabaseBackupException>(() =>
            SqliteBackup.RestoreAsync(backup, DatabasePath, DatabaseMigrations(), overwrite: false, CancellationToken.None));
        Assert.Contains("--force", refused.Message);
        var restored = await SqliteBackup.RestoreAsync(backup, DatabasePath, DatabaseMigrations(), overwrite: true, CancellationToken.None);

        Assert.Equal(DatabaseMigrations(), restored.Migrations);
        await using var context = _db.Factory.CreateDbContext();
        Assert.Equal([1, 2, 3], await context.Database.SqlQueryRaw<long>("SELECT Pair AS Value FROM Probe ORDER BY Pair").ToListAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_restore_is_refused_while_another_connection_has_the_database_open()
    {
        var backup = Path.Combine(_folder, "backup.db");
        await SqliteBackup.BackupAsync(DatabasePath, backup, overwrite: false, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        using var server = Open(DatabasePath);
        Execute(server, "SELECT count(*) FROM Probe");

        var refused = await Assert.ThrowsAsync<DatabaseBackupException>(() =>
            SqliteBackup.RestoreAsync(backup, DatabasePath, DatabaseMigrations(), overwrite: true, CancellationToken.None));
        Assert.Contains("in use", refused.Message);
    }

    [Fact]
    public async Task A_missing_file_a_file_that_is_no_database_a_foreign_database_and_a_newer_version_are_each_refused_with_a_reason()
    {
        var known = DatabaseMigrations();
        var missing = Path.Combine(_folder, "missing.db");
        Assert.Contains("no file", (await RestoreRefusedAsync(missing, known)).Message);

        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database, just some text that is long enough to fill a header........................");
        Assert.Contains("not a SQLite database", (await RestoreRefusedAsync(text, known)).Message);

        var foreign = Path.Combine(_folder, "foreign.db");
        Execute(foreign, "CREATE TABLE Other (Id INTEGER)");
        Assert.Contains("not one of SelfServiceBot", (await RestoreRefusedAsync(foreign, known)).Message);

        var newer = Path.Combine(_folder, "newer.db");
        await SqliteBackup.BackupAsync(DatabasePath, newer, overwrite: false, CancellationToken.None);
        Execute(newer, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_FromTheFuture', '99.0')");
        Assert.Contains("newer version", (await RestoreRefusedAsync(newer, known)).Message);

        Assert.Contains("nothing to back up", (await Assert.ThrowsAsync<DatabaseBackupException>(() =>
            SqliteBackup.BackupAsync(missing, Path.Combine(_folder, "b.db"), overwrite: false, CancellationToken.None))).Message);
    }

    private Task<DatabaseBackupException> RestoreRefusedAsync(string backup, IReadOnlyCollection<string> known) =>
        Assert.ThrowsAsync<DatabaseBackupException>(() => SqliteBackup.RestoreAsync(backup, DatabasePath, known, overwrite: true, CancellationToken.None));

    private List<string> DatabaseMigrations()
    {
        using var context = _db.Factory.CreateDbContext();
        return context.Database.GetMigrations().ToList();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 10000");
        return connection;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        Execute(connection, sql);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
