using SelfServiceBot.AI.Chat;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Costs.Ledger;

namespace SelfServiceBot.Costs.Tests.Infrastructure;

/// <summary>
/// Writes a conversation's events as the bot and the hand-off module do (same types, fields and idempotency keys), one
/// turn at a time. Replaying a turn (same activity id) writes the same keys, as a redelivered activity would.
/// </summary>
public sealed class ConversationScript(IConversationEvents events, string channel, string conversation, string user, string locale)
{
    private int _activity;
    private readonly Dictionary<string, int> _handoffCounts = [];

    public string ChannelId => channel;
    public string ConversationId => conversation;

    /// <summary>One turn: the events in order, at <paramref name="at"/>; returns the activity id (for a replay).</summary>
    public async Task<string> TurnAsync(DateTimeOffset at, params Step[] steps)
    {
        var activityId = (++_activity).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ReplayAsync(activityId, at, steps);
        return activityId;
    }

    public Task ReplayAsync(string activityId, DateTimeOffset at, params Step[] steps)
    {
        var counts = new Dictionary<string, int>();
        var list = steps.Select(s =>
        {
            var n = counts[s.Type] = counts.GetValueOrDefault(s.Type, -1) + 1;
            return Event(s, at, $"{channel}/{conversation}/{activityId}/{s.Type}/{n}");
        }).ToList();
        return events.RecordAsync(list, CancellationToken.None);
    }

    /// <summary>An event of the hand-off module: key handoff/{id}/{type}/{n}.</summary>
    public Task HandoffAsync(DateTimeOffset at, string handoffId, Step step)
    {
        var n = _handoffCounts[handoffId + step.Type] = _handoffCounts.GetValueOrDefault(handoffId + step.Type, -1) + 1;
        return events.RecordAsync([Event(step, at, $"handoff/{handoffId}/{step.Type}/{n}")], CancellationToken.None);
    }

    /// <summary>An event written outside a turn under its own key (an article drafted from the chat in the console).</summary>
    public Task OutsideTurnAsync(DateTimeOffset at, string key, Step step) =>
        events.RecordAsync([Event(step, at, key)], CancellationToken.None);

    private ConversationEvent Event(Step s, DateTimeOffset at, string key) => new()
    {
        Type = s.Type,
        IdempotencyKey = key,
        ChannelId = channel,
        ConversationId = conversation,
        UserId = user,
        Locale = locale,
        OccurredAt = at,
        ArticleId = s.ArticleId,
        Confidence = s.Confidence,
        Reason = s.Reason,
        Text = s.Text,
        Data = s.Data,
    };
}

/// <summary>One event of a turn, before the script gives it keys and times.</summary>
public sealed record Step(string Type)
{
    public string? ArticleId { get; init; }
    public int? Confidence { get; init; }
    public string? Reason { get; init; }
    public string? Text { get; init; }
    public Dictionary<string, object?>? Data { get; init; }

    public static Step Started(string trigger = "join") => new(ConversationEventTypes.ContactStarted) { Data = new() { ["trigger"] = trigger } };
    public static Step Message(string text) => new(ConversationEventTypes.CustomerMessage) { Text = text };
    /// <summary>A message the bot recognised as <paramref name="intent"/> (greeting, request_handoff, to_agent...).</summary>
    public static Step Message(string text, string intent) => new(ConversationEventTypes.CustomerMessage) { Text = text, Data = new() { ["intent"] = intent } };
    public static Step Answer(string articleId, string category, int confidence = 90) =>
        new(ConversationEventTypes.AnswerShown) { ArticleId = articleId, Confidence = confidence, Data = new() { ["category"] = category, ["title"] = articleId } };
    public static Step Feedback(bool helpful, string articleId) =>
        new(ConversationEventTypes.Feedback) { ArticleId = articleId, Data = new() { ["helpful"] = helpful } };
    public static Step Clarify(int confidence = 40) => new(ConversationEventTypes.ClarifyShown) { Confidence = confidence };
    public static Step Handoff(string reason, string? category = null, string? articleId = null) =>
        new(HandoffEventTypes.HandoffRequested) { Reason = reason, ArticleId = articleId, Data = new() { ["reference"] = "H-TEST1", ["category"] = category, ["queue"] = "general", ["priority"] = "normal" } };
    public static Step Ended(string reason = "restart") => new(ConversationEventTypes.ConversationEnded) { Reason = reason };

    public static Step Queued() => new(HandoffEventTypes.HandoffQueued) { Data = new() { ["queue"] = "general", ["position"] = 1 } };
    public static Step Assigned(int waitSeconds = 30) => new(HandoffEventTypes.AgentAssigned) { Data = new() { ["agentId"] = "agent-1", ["queue"] = "general", ["waitSeconds"] = waitSeconds } };
    public static Step OfflineTicket() => new(HandoffEventTypes.OfflineTicketCreated) { Data = new() { ["reference"] = "H-TEST1" } };
    public static Step Cancelled() => new(HandoffEventTypes.HandoffCancelled);
    public static Step Resolved(decimal handleMinutes, string? category = null) =>
        new(HandoffEventTypes.HandoffResolved) { Data = new() { ["agentId"] = "agent-1", ["handleMinutes"] = handleMinutes, ["category"] = category, ["resolved"] = true } };
    public static Step HandedBack() => new(HandoffEventTypes.HandedBack) { Data = new() { ["agentId"] = "agent-1" } };
    /// <summary>model_called with exactly the data a feature records (ModelCallData), for a call the service answered.</summary>
    public static Step ModelCalled(string feature, int inputTokens, int outputTokens, bool used = true) =>
        ModelCalled(feature, new ChatModelReply(ChatOutcome.Completed, "reply", inputTokens, outputTokens, TimeSpan.FromMilliseconds(850)), used);
    public static Step ModelCalled(string feature, ChatModelReply reply, bool used = true) =>
        new(ConversationEventTypes.ModelCalled) { Data = ModelCallData.For(feature, "gpt-4o-mini", reply, used) };
    public static Step Csat(int score) => new(HandoffEventTypes.CsatGiven) { Data = new() { ["score"] = score } };
}
