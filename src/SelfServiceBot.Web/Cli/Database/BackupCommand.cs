using SelfServiceBot.Data;
using SelfServiceBot.Data.Backup;

namespace SelfServiceBot.Web.Cli.Database;

/// <summary>
/// <c>backup --to FILE</c> (online: consistent while the server runs) and <c>restore --from FILE</c> (server stopped) of
/// the SQLite database. PostgreSQL has its own tools; the verbs say which (docs/database.md). Exit 0 done, 1 refused or
/// failed, 2 usage or the wrong provider.
/// </summary>
internal static class BackupCommand
{
    public const string Usage = """
          SelfServiceBot.Web backup --to FILE [--force]
                                             SQLite: copy the database to FILE while the server runs (a consistent snapshot);
                                             --force overwrites FILE. PostgreSQL: use pg_dump (docs/database.md)
          SelfServiceBot.Web restore --from FILE [--force]
                                             SQLite, server stopped: replace the database with the backup FILE after checking it
                                             (intact, a SelfServiceBot database, not from a newer version); --force replaces an
                                             existing database. PostgreSQL: use pg_restore (docs/database.md)
        """;

    private const string PostgresBackup = """
        The database is PostgreSQL: back it up with PostgreSQL's own tools, e.g.
          pg_dump --format=custom --file=selfservicebot.dump "$DATABASE_URL"
        and restore with
          pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" selfservicebot.dump
        (docs/database.md).
        """;

    public static async Task<int> RunAsync(string verb, string[] args)
    {
        var options = new CliArguments(args, "force");
        var fileOption = verb == "backup" ? "to" : "from";
        if (options.Positional.Count > 0 || options.Get(fileOption) is not { Length: > 0 } file)
        {
            return await DatabaseCli.UsageErrorAsync($"{verb} needs --{fileOption} FILE.", Usage);
        }
        await using var services = DatabaseCli.BuildServices();
        if (DatabaseCli.Provider(services) != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync(PostgresBackup);
            return 2;
        }
        var database = DatabaseCli.SqlitePath(services);
        try
        {
            if (verb == "backup")
            {
                var backup = await SqliteBackup.BackupAsync(database, file, options.Has("force"), CancellationToken.None);
                Console.WriteLine($"Backed up {database} to {backup.Path} ({backup.Bytes} bytes, {backup.Migrations.Count} migrations).");
            }
            else
            {
                var restored = await SqliteBackup.RestoreAsync(file, database, DatabaseCli.KnownMigrations(services), options.Has("force"),
                    CancellationToken.None);
                Console.WriteLine($"Restored {Path.GetFullPath(file)} to {restored.Path} ({restored.Bytes} bytes, {restored.Migrations.Count} migrations; " +
                                  "the server applies newer ones at start, or run migrate).");
            }
            return 0;
        }
        catch (DatabaseBackupException e)
        {
            await Console.Error.WriteLineAsync($"{verb} refused: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"{verb} failed: {e.Message}");
            return 1;
        }
    }
}
