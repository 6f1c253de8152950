using Microsoft.Data.Sqlite;

namespace SelfServiceBot.Data.Backup;

/// <summary>
/// Online backup and restore of the SQLite database file, through SQLite's backup API: the copy is one read transaction
/// of the source, so it is consistent while the server runs and writes (WAL readers do not block the writer), and it
/// includes what still sits in the -wal file, which a plain file copy would miss.
/// Both write a temporary file beside the destination and move it into place, so the destination is either the old file
/// or the complete new one.
/// </summary>
public static class SqliteBackup
{
    public static async Task<BackupSummary> BackupAsync(string databasePath, string targetPath, bool overwrite, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            throw new DatabaseBackupException($"There is no database at {databasePath} (nothing to back up).");
        }
        targetPath = Path.GetFullPath(targetPath);
        if (File.Exists(targetPath) && !overwrite)
        {
            throw new DatabaseBackupException($"{targetPath} exists; add --force to overwrite it.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        var temp = TempBeside(targetPath);
        try
        {
            await CopyAsync(databasePath, temp, cancellationToken);
            var summary = Inspect(temp, knownMigrations: null);
            File.Move(temp, targetPath, overwrite: true);
            return summary with { Path = targetPath };
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    /// <summary>Replaces the database with a backup. Refused while any process has the database open (the server).</summary>
    /// <param name="knownMigrations">This version's migrations: a backup with one it does not know is from a newer version.</param>
    public static async Task<BackupSummary> RestoreAsync(string backupPath, string databasePath, IReadOnlyCollection<string> knownMigrations,
        bool overwrite, CancellationToken cancellationToken)
    {
        backupPath = Path.GetFullPath(backupPath);
        if (!File.Exists(backupPath))
        {
            throw new DatabaseBackupException($"There is no file at {backupPath}.");
        }
        var summary = Inspect(backupPath, knownMigrations);
        if (File.Exists(databasePath) && !overwrite)
        {
            throw new DatabaseBackupException($"A database exists at {databasePath}; add --force to replace it (back it up first).");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var temp = TempBeside(databasePath);
        try
        {
            await CopyAsync(backupPath, temp, cancellationToken);
            if (File.Exists(databasePath))
            {
                CloseCleanly(databasePath);
            }
            // A -wal left beside the new file would be replayed into it; CloseCleanly checkpointed and removed it.
            DeleteQuietly(databasePath + "-wal");
            DeleteQuietly(databasePath + "-shm");
            File.Move(temp, databasePath, overwrite: true);
            return summary with { Path = databasePath };
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    /// <summary>Checks that <paramref name="path"/> is an intact SQLite database of this app and says what it holds.</summary>
    public static BackupSummary Inspect(string path, IReadOnlyCollection<string>? knownMigrations)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            var integrity = Scalar(connection, "PRAGMA integrity_check");
            if (integrity != "ok")
            {
                throw new DatabaseBackupException($"{path} is damaged (integrity_check: {integrity}).");
            }
            if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'") != "1")
            {
                throw new DatabaseBackupException($"{path} is a SQLite database but not one of SelfServiceBot (no migrations history).");
            }
            var migrations = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    migrations.Add(reader.GetString(0));
                }
            }
            if (knownMigrations is not null && migrations.Except(knownMigrations).ToList() is { Count: > 0 } unknown)
            {
                throw new DatabaseBackupException(
                    $"{path} has migrations this version does not know ({string.Join(", ", unknown)}): it comes from a newer version.");
            }
            return new BackupSummary(path, new FileInfo(path).Length, migrations);
        }
        catch (SqliteException e)
        {
            throw new DatabaseBackupException(e.SqliteErrorCode is 26 /* SQLITE_NOTADB */
                ? $"{path} is not a SQLite database."
                : $"{path} cannot be read as a SQLite database ({e.Message}).");
        }
    }

    private static async Task CopyAsync(string sourcePath, string targetPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var source = Open(sourcePath, SqliteOpenMode.ReadOnly);
        await using var target = Open(targetPath, SqliteOpenMode.ReadWriteCreate);
        try
        {
            source.BackupDatabase(target);
        }
        catch (SqliteException e)
        {
            throw new DatabaseBackupException($"{sourcePath} cannot be read as a SQLite database ({e.Message}).");
        }
        // One self-contained file (the source's WAL mode came with its header); the server turns WAL back on at start.
        Execute(target, "PRAGMA journal_mode = DELETE;");
    }

    // Exclusive locking mode fails at once while another connection (another process's pool) has the file open; when it
    // succeeds, closing checkpoints the WAL into the file and deletes it.
    private static void CloseCleanly(string databasePath)
    {
        // One statement per command: in one multi-statement command a busy BEGIN EXCLUSIVE went unreported.
        using var connection = Open(databasePath, SqliteOpenMode.ReadWrite, timeoutSeconds: 1);
        try
        {
            Execute(connection, "PRAGMA busy_timeout = 0");
            Execute(connection, "PRAGMA locking_mode = EXCLUSIVE");
            Execute(connection, "BEGIN EXCLUSIVE");
            Execute(connection, "COMMIT");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 /* SQLITE_BUSY */ or 6 /* SQLITE_LOCKED */)
        {
            throw new DatabaseBackupException($"{databasePath} is in use (is the server running?); stop it before restoring.");
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode, int timeoutSeconds = 30)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = timeoutSeconds,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string TempBeside(string path) => Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    private static void DeleteQuietly(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A backup (or restored database): where, how big, which migrations it has.</summary>
public sealed record BackupSummary(string Path, long Bytes, IReadOnlyList<string> Migrations);

/// <summary>A backup or restore that cannot be done as asked; the message says why and what to do.</summary>
public sealed class DatabaseBackupException(string message) : Exception(message);
