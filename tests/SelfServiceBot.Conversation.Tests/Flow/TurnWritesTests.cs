using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>What a turn costs the database and the channel (docs/benchmarks.md counts these round trips).</summary>
public sealed class TurnWritesTests
{
    [Fact]
    public async Task A_question_claims_the_activity_reads_the_state_and_writes_the_rest_in_one_transaction()
    {
        var log = new StatementLog();
        await using var host = await ConversationTestHost.StartAsync(s => s.AddSingleton<IDbCommandObserver>(log));
        var flow = host.Flow();
        await flow.Send("How do I track my order?").AssertAnswer("track your order")
            .StartTestAsync();
        log.Clear();

        await flow.Send("How long does delivery take?").AssertAnswer("Delivery")
            .StartTestAsync();

        var statements = log.Statements;
        Assert.Equal(["SELECT ConversationStates"], statements.Where(s => s.Transaction == 0).Select(s => s.Statement));
        // On SQLite every hot-path write is committed with whatever other writes are queued (HotWrites); one customer's turn
        // has none beside it, so the claim commits alone.
        var transactions = statements.Where(s => s.Transaction != 0).GroupBy(s => s.Transaction).ToList();
        Assert.Equal(3, transactions.Count);
        Assert.Equal(["INSERT ProcessedActivities"], transactions[0].Select(s => s.Statement));
        // The answer went out as the Bot Connector sends it (at once): the claim records that, so a worker finishing the turn
        // after a crash does not send it again (docs/reliability.md).
        Assert.Equal(["UPDATE ProcessedActivities"], transactions[1].Select(s => s.Statement));
        // The state only if it is still as the turn read it, then both events (customer_message, answer_shown) in one insert and
        // the turn's transcript lines (question, answer, "Did this answer your question?") in another, with the claim's
        // completion: four statements. The state no longer carries the transcript, so it stays small. On SQLite each is
        // a prepared command of its own; there is no round trip to save.
        Assert.Equal(["UPDATE ConversationStates", "INSERT ConversationEvents", "INSERT ConversationTranscriptLines", "UPDATE ProcessedActivities"],
            transactions[2].Select(s => s.Statement));
        Assert.Equal(4, log.Commands.Count(t => t == transactions[2].Key));
    }

    [Fact]
    public async Task An_answered_question_is_one_reply_so_one_connector_call()
    {
        // The clock stands still, so the typing indicator (sent only when the search outlasts the delay) never goes out.
        await using var host = await ConversationTestHost.StartAsync(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider()));

        await host.Flow().WithTyping()
            .Send("How do I track my order?").AssertAnswer("track your order").AssertNoReply()
            .Send("How long does delivery take?").AssertAnswer("Delivery").AssertNoReply()
            .StartTestAsync();
    }
}
