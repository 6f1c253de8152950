using System.Text.Json.Serialization;
using SelfServiceBot.Conversation.Storage;

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

    /// <summary>The open hand-off (waiting, with a person, or waiting for contact details or a rating); null when with the bot.</summary>
    public long? HandoffId { get; set; }

    /// <summary>Questions in a row the knowledge base had no answer for.</summary>
    public int NoMatchCount { get; set; }

    /// <summary>The customer said an answer did not help; the next failure hands off.</summary>
    public bool SaidNotHelpful { get; set; }

    /// <summary>Customer messages in the current contact.</summary>
    public int MessageCount { get; set; }

    /// <summary>The knowledge base's best guess of the topic at the last search.</summary>
    public string? LastCategory { get; set; }

    /// <summary>
    /// The articles shown or offered in this contact, each once, latest last (the agent sees them at a hand-off). At most
    /// <see cref="MaxOfferedArticles"/>: the state is rewritten every turn, and with no message limit a contact can go on.
    /// </summary>
    public List<string> OfferedArticleIds { get; set; } = [];

    public const int MaxOfferedArticles = 20;

    public void Offered(IEnumerable<string> articleIds)
    {
        foreach (var id in articleIds)
        {
            OfferedArticleIds.Remove(id);
            OfferedArticleIds.Add(id);
        }
        if (OfferedArticleIds.Count > MaxOfferedArticles)
        {
            OfferedArticleIds.RemoveRange(0, OfferedArticleIds.Count - MaxOfferedArticles);
        }
    }

    /// <summary>
    /// The contact's last questions as searched and what the bot offered for each (at most <see cref="MaxRecentExchanges"/>,
    /// latest last), for rewriting a follow-up (docs/ai.md). Kept only while a model rewrites follow-ups, else null and
    /// not stored; a restart starts a new state, so it never reaches across contacts.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<RecentExchange>? RecentExchanges { get; set; }

    public const int MaxRecentExchanges = 3;

    public void Exchanged(RecentExchange exchange)
    {
        RecentExchanges ??= [];
        RecentExchanges.Add(exchange);
        if (RecentExchanges.Count > MaxRecentExchanges)
        {
            RecentExchanges.RemoveRange(0, RecentExchanges.Count - MaxRecentExchanges);
        }
    }

    /// <summary>
    /// Which transcript rows (ConversationTranscriptLines) are this contact's: a new state (a restart, a reset after a failed
    /// turn) starts a new transcript. The lines themselves are not kept here, so a turn does not rewrite them; a state
    /// written before they moved out still has a "transcript" property, which is ignored.
    /// </summary>
    public string TranscriptId { get; set; } = Guid.NewGuid().ToString("N");
}

internal enum DialogStage
{
    Idle,
    AwaitingFeedback,
    AwaitingClarification,
    AwaitingHandoffChoice,
    /// <summary>An offline ticket was made: the next message is how to reach the customer.</summary>
    AwaitingContact,
}

/// <summary>An article offered under "Did you mean"; kept whole so a pick needs no second search.</summary>
/// <param name="Via">How it came to be offered when not by a search: <c>related</c> (a follow-up of an answer that helped).</param>
internal sealed record ClarifyOption(string ArticleId, string Title, string Answer, int Confidence, string Category, string? Via = null);

/// <summary>A question as searched and, in a line or two, what the bot offered for it (an article's title and first line).</summary>
internal sealed record RecentExchange(string Question, string Answer);

/// <summary>A line of the conversation as the customer saw it; handed over with a hand-off request.</summary>
public sealed record TranscriptLine(string From, string Text, DateTimeOffset At);
