using System.Text.Json;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Privacy;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.Privacy;

namespace SelfServiceBot.Web.Cli;

/// <summary>
/// <c>privacy erase --user ID</c> or <c>privacy erase --conversation ID [--channel C]</c>: one customer's right to erasure,
/// against the database the server uses (<see cref="PersonalDataEraser"/>). Prints the rows deleted and cleared per table.
/// Exit 0 erased, 1 nothing stored for that id (a typo shows), 2 usage.
/// </summary>
internal static class PrivacyCommand
{
    public const string Usage = """
          SelfServiceBot.Web privacy erase --user ID [--json]
          SelfServiceBot.Web privacy erase --conversation ID [--channel CHANNEL] [--json]
                                             erase one customer's data (right to erasure): their conversations' transcripts, state,
                                             Direct Line log, hand-off chats and contact details are deleted; events, contacts and
                                             hand-offs keep their figures with texts and ids cleared; prints the rows per table
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (args.FirstOrDefault() != "erase")
            {
                throw new CliUsageException(args.Length == 0 ? "privacy needs a command: erase." : $"unknown 'privacy' command '{args[0]}'; use erase.");
            }
            var options = new CliArguments(args.Skip(1), "json");
            var (user, conversation) = (options.Get("user"), options.Get("conversation"));
            if ((user is { Length: > 0 }) == (conversation is { Length: > 0 }))
            {
                throw new CliUsageException("privacy erase needs exactly one of --user ID or --conversation ID.");
            }
            await using var services = await BuildServicesAsync();
            var eraser = services.GetRequiredService<PersonalDataEraser>();
            var report = user is not null
                ? await eraser.EraseUserAsync(user, CancellationToken.None)
                : await eraser.EraseConversationAsync(options.Get("channel"), conversation!, CancellationToken.None);
            Print(report, user is not null ? $"user {user}" : $"conversation {conversation}", options.Has("json"));
            return report.Total > 0 || report.Conversations > 0 ? 0 : 1;
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage:\n" + Usage);
            return 2;
        }
    }

    private static void Print(ErasureReport report, string who, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { conversations = report.Conversations, deleted = report.Deleted, cleared = report.Cleared }));
            return;
        }
        if (report.Total == 0 && report.Conversations == 0)
        {
            Console.Error.WriteLine($"Nothing is stored for {who}.");
            return;
        }
        Console.WriteLine($"Erased {who}: {report.Conversations} conversation(s).");
        foreach (var (table, rows) in report.Deleted)
        {
            Console.WriteLine($"  {table,-30} {rows,6} deleted");
        }
        foreach (var (table, rows) in report.Cleared)
        {
            Console.WriteLine($"  {table,-30} {rows,6} kept for the reports, personal fields cleared");
        }
    }

    private static async Task<ServiceProvider> BuildServicesAsync()
    {
        var builder = CliHost.CreateBuilder();
        builder.Logging.AddStandardErrorLog();
        builder.Services.AddBotDatabase();
        var services = builder.Services.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return services;
    }
}
