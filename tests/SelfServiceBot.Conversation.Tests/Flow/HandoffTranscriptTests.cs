using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Conversation.Tests.Infrastructure;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Conversation.Tests.Flow;

/// <summary>The transcript a hand-off carries, now kept as rows beside the dialog state rather than in it.</summary>
public sealed class HandoffTranscriptTests(ConversationHostFixture fixture) : IClassFixture<ConversationHostFixture>
{
    private ConversationTestHost Host => fixture.Host;

    [Fact]
    public async Task The_dialog_state_no_longer_carries_the_transcript()
    {
        var flow = Host.Flow();
        await flow.Send("How do I track my order?").AssertAnswer("track your order").StartTestAsync();

        var state = await Host.StateAsync(flow.ChannelId, flow.ConversationId);
        Assert.DoesNotContain("track your order", state!.Json, StringComparison.OrdinalIgnoreCase);
        Assert.False(JsonDocument.Parse(state.Json).RootElement.TryGetProperty("transcript", out _));
    }

    [Fact]
    public async Task A_long_conversation_hands_over_its_last_forty_lines_in_order()
    {
        var flow = Host.Flow();
        string[] questions = ["How do I track my order?", "How long does delivery take?"];
        for (var i = 0; i < 14; i++)
        {
            flow.Send(questions[i % 2]);
        }
        await flow.Send("agent").StartTestAsync();

        var lines = Lines(Assert.Single(await Host.HandoffsAsync(flow.ConversationId)));
        // 14 questions of three lines each (question, answer, "Did this answer your question?") and "agent": the first three fall off.
        Assert.Equal(40, lines.Count);
        Assert.Equal("user: How long does delivery take?", lines[0]);
        Assert.Equal(["bot: Did this answer your question?", "user: How do I track my order?"], lines[2..4]);
        Assert.Equal("user: agent", lines[^1]);
    }

    [Fact]
    public async Task A_redelivered_activity_adds_no_line_twice_even_when_its_turn_runs_again()
    {
        var flow = Host.Flow(Channels.WebChat);
        var question = flow.NewActivity(ActivityTypes.Message, a => a.Text = "How do I track my order?");
        await flow.Send(question).AssertAnswer("track your order").Send(question).AssertNoReply().StartTestAsync();
        // As if its claim were gone (pruned, or a channel without one): the turn runs again and answers again, but its
        // lines have the keys the first run wrote.
        await using (var db = Host.CreateDbContext())
        {
            await db.ProcessedActivities().Where(p => p.ConversationId == flow.ConversationId).ExecuteDeleteAsync();
        }
        await flow.Send(question).AssertAnswer("track your order").Send("agent").StartTestAsync();

        var lines = Lines(Assert.Single(await Host.HandoffsAsync(flow.ConversationId)));
        Assert.Equal(4, lines.Count);
        Assert.Equal(["user: How do I track my order?", "bot: Did this answer your question?", "user: agent"], [lines[0], lines[2], lines[3]]);
    }

    [Fact]
    public async Task After_a_restart_the_hand_off_carries_only_what_came_after_it()
    {
        var flow = Host.Flow();
        await flow.Send("How do I cancel my order?").Send("restart").Send("How long does delivery take?").Send("agent").StartTestAsync();

        var lines = Lines(Assert.Single(await Host.HandoffsAsync(flow.ConversationId)));
        Assert.DoesNotContain(lines, l => l.Contains("cancel", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("user: restart", lines);
        Assert.Equal("user: How long does delivery take?", lines[1]);
        Assert.Equal("user: agent", lines[^1]);
    }

    [Fact]
    public async Task A_state_saved_with_the_transcript_inside_still_loads_and_the_conversation_goes_on()
    {
        var flow = Host.Flow();
        await using (var db = Host.CreateDbContext())
        {
            // As states were written before the transcript moved to its own table.
            db.ConversationStates().Add(new ConversationStateRecord
            {
                ConversationKey = $"{flow.ChannelId}|{flow.ConversationId}",
                Json = """
                    {"locale":"en","stage":"AwaitingFeedback","contactStarted":true,"welcomed":true,"lastArticleId":"cancel-order",
                     "lastQuestion":"How do I cancel my order?","offeredArticleIds":["cancel-order"],
                     "transcript":[{"from":"user","text":"How do I cancel my order?","at":"2026-11-01T10:00:00+00:00"}]}
                    """,
                Version = 1,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await flow.Send("No").AssertReplyContains("Would you like to talk to a person?").StartTestAsync();

        var state = await Host.StateAsync(flow.ChannelId, flow.ConversationId);
        Assert.Equal(2, state!.Version);
        Assert.False(JsonDocument.Parse(state.Json).RootElement.TryGetProperty("transcript", out _));
    }

    private static List<string> Lines(HandoffRequestRecord handoff) =>
        JsonDocument.Parse(handoff.TranscriptJson!).RootElement.EnumerateArray()
            .Select(l => $"{l.GetProperty("from").GetString()}: {l.GetProperty("text").GetString()}").ToList();
}
