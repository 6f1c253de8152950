using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Sql;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.Conversation.Tests.Storage;

/// <summary>The transcript's lines, appended with each turn's state and read only for a hand-off.</summary>
public class ConversationTranscriptTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Key = "emulator|c1";
    private const string Transcript = "t1";

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_turn_appends_its_lines_and_the_last_ones_of_the_current_transcript_read_back_in_order(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        await turns.WriteAsync(new FinishedTurn(Key, "{}", null) { TranscriptLines = [Line("a1", 0, "user", "How do I track my order?"), Line("a1", 1, "bot", "Open Orders.")] }, default);
        await turns.WriteAsync(new FinishedTurn(Key, "{}", 1) { TranscriptLines = [Line("a2", 0, "user", "Thanks"), Line("a2", 1, "bot", "You're welcome.")] }, default);
        // After a restart the state has a new transcript: the old lines are no longer its.
        await turns.WriteAsync(new FinishedTurn(Key, "{}", 2) { TranscriptLines = [Line("a3", 0, "user", "restart", "t2")] }, default);
        await turns.WriteAsync(new FinishedTurn("emulator|other", "{}", null) { TranscriptLines = [Line("b1", 0, "user", "Someone else")] }, default);

        var transcripts = db.Services.GetRequiredService<IConversationTranscriptStore>();
        Assert.Equal(["user: How do I track my order?", "bot: Open Orders.", "user: Thanks", "bot: You're welcome."],
            Texts(await transcripts.ReadLastAsync(Key, Transcript, 40, default)));
        Assert.Equal(["user: Thanks", "bot: You're welcome."], Texts(await transcripts.ReadLastAsync(Key, Transcript, 2, default)));
        Assert.Equal(["user: restart"], Texts(await transcripts.ReadLastAsync(Key, "t2", 40, default)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_replayed_turn_adds_none_of_its_lines_twice(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        FinishedTurn First(int? version) => new(Key, "{}", version) { TranscriptLines = [Line("a1", 0, "user", "agent"), Line("a1", 1, "bot", "One moment.")] };
        await turns.WriteAsync(First(null), default);

        // The same activity again: once as read (no state yet, so the careful path), once at the version it now finds.
        await turns.WriteAsync(First(null), default);
        await turns.WriteAsync(First(2), default);
        await turns.WriteAsync(new FinishedTurn(Key, "{}", 3) { TranscriptLines = [Line("a2", 0, "user", "hello?")] }, default);

        Assert.Equal(["user: agent", "bot: One moment.", "user: hello?"],
            Texts(await db.Services.GetRequiredService<IConversationTranscriptStore>().ReadLastAsync(Key, Transcript, 40, default)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 1)]
    [InlineData(DatabaseProvider.Postgres, 1)]
    [InlineData(DatabaseProvider.Sqlite, 0)]
    [InlineData(DatabaseProvider.Postgres, 0)]
    public async Task A_turn_whose_write_fails_adds_no_lines(DatabaseProvider provider, int versionRead)
    {
        // Version 1 is the usual path (one command with the claim's completion); 0 is stale, so the careful path writes the
        // lines in a command of their own and fails after it, at the claim.
        var failing = new FailingCommands(sql => sql.Contains("UPDATE \"ProcessedActivities\"", StringComparison.Ordinal)) { Armed = false };
        await using var db = await TestDatabase.CreateAsync(provider, s => s.AddSingleton<IDbCommandObserver>(failing));
        var turns = db.Services.GetRequiredService<IConversationTurnStore>();
        await turns.WriteAsync(new FinishedTurn(Key, "{}", null) { TranscriptLines = [Line("a0", 0, "user", "hi")] }, default);
        var claim = new ActivityKey("emulator", "c1", "a1");
        Assert.True(await db.Services.GetRequiredService<IProcessedActivityStore>().TryClaimAsync(claim, TimeSpan.FromMinutes(1), default));

        failing.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => turns.WriteAsync(new FinishedTurn(Key, "{}", versionRead)
        {
            TranscriptLines = [Line("a1", 0, "user", "How do I return an item?"), Line("a1", 1, "bot", "Print the label.")],
            CompletedActivity = claim,
        }, default));
        failing.Armed = false;

        await using var context = db.Factory.CreateDbContext();
        Assert.Equal(["hi"], await context.ConversationTranscriptLines().OrderBy(l => l.Id).Select(l => l.Text).ToListAsync());
    }

    private static NewTranscriptLine Line(string activityId, int index, string from, string text, string transcript = Transcript) =>
        new($"emulator/c1/{activityId}/line/{index}", transcript, from, text, DateTimeOffset.UtcNow);

    private static List<string> Texts(IEnumerable<StoredTranscriptLine> lines) => lines.Select(l => $"{l.From}: {l.Text}").ToList();
}
