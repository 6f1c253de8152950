using SelfServiceBot.Data;

namespace SelfServiceBot.Web.Cli.Database;

/// <summary>
/// <c>migrate</c> applies pending migrations (a deploy step before the instances start, with Database:MigrateOnStart off, or
/// a one-shot service they wait for); <c>--check</c> only says whether any are pending (exit 1), e.g. for a readiness gate;
/// <c>--list</c> shows each migration and whether it is applied. Safe beside running instances: it takes the same lock.
/// </summary>
internal static class MigrateCommand
{
    public const string Usage = """
          SelfServiceBot.Web migrate [--check | --list]
                                             apply pending database migrations and print them (one instance at a time: safe while
                                             others start); --check: exit 1 when any are pending, change nothing; --list: each
                                             migration, applied or pending
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CliArguments(args, "check", "list");
        if (options.Positional.Count > 0 || (options.Has("check") && options.Has("list")))
        {
            return await DatabaseCli.UsageErrorAsync("migrate takes either --check or --list, or nothing.", Usage);
        }
        await using var services = DatabaseCli.BuildServices();
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        try
        {
            if (options.Has("check") || options.Has("list"))
            {
                var status = await migrator.StatusAsync(CancellationToken.None);
                var pending = status.Where(m => !m.Applied).ToList();
                if (options.Has("list"))
                {
                    foreach (var migration in status)
                    {
                        Console.WriteLine($"{(migration.Applied ? "applied" : "pending")}  {migration.Id}");
                    }
                    return 0;
                }
                Console.WriteLine(pending.Count == 0
                    ? $"The database is up to date ({status.Count} migrations)."
                    : $"{pending.Count} migration(s) pending: {string.Join(", ", pending.Select(m => m.Id))}");
                return pending.Count == 0 ? 0 : 1;
            }
            var applied = await migrator.MigrateAsync(CancellationToken.None);
            Console.WriteLine(applied.Count == 0
                ? "The database is up to date; nothing to apply."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync($"migrate failed: {e.Message}");
            return 1;
        }
    }
}
