using System.Text.Json.Serialization;

namespace SelfServiceBot.Conversation.State;

/// <summary>
/// What the bot remembers about one conversation between turns. Stored as JSON in the database
/// (ConversationStateRecord), so any instance can take the next turn and a restart loses nothing.
/// </summary>
internal sealed class DialogState
{
    public string? Locale { get; set; }

    [JsonConverter(typeof(JsonStringEnumConverter<DialogStage>))]
    public DialogStage Stage { get; set; } = DialogStage.Idle;

    /// <summary>contact_started was reported for the current contact.</summary>
    public bool ContactStarted { get; set; }

    public bool Welcomed { get; set; }

    /// <summary>The article last shown, for feedback and hand-off context.</summary>
    public string? LastArticleId { get; set; }

    /// <summary>The customer's last question: "Talk to a person" says nothing about the problem, this does.</summary>
    public string? LastQuestion { get; set; }

    public List<ClarifyOption> ClarifyOptions { get; set; } = [];

    /// <summary>Why "Talk to a person" would be pressed now: after No it is negative feedback, after no match low confidence.</summary>
    public string? PendingHandoffReason { get; set; }

    /// <summary>The hand-off already recorded in this conversation, so asking again does not queue twice.</summary>
    public string? HandoffReference { get; set; }

    public List<TranscriptLine> Transcript { get; set; } = [];
}

internal enum DialogStage
{
    Idle,
    AwaitingFeedback,
    AwaitingClarification,
    AwaitingHandoffChoice,
}

/// <summary>An article offered under "Did you mean"; kept whole so a pick needs no second search.</summary>
internal sealed record ClarifyOption(string ArticleId, string Title, string Answer, int Confidence, string Category);

/// <summary>A line of the conversation as the customer saw it; handed over with a hand-off request.</summary>
public sealed record TranscriptLine(string From, string Text, DateTimeOffset At);
