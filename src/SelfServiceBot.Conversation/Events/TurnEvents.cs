using System.Security.Cryptography;
using System.Text;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;

namespace SelfServiceBot.Conversation.Events;

/// <summary>
/// Collects one turn's events and writes them together at the end of the turn (also when it fails).
/// Keys are the inbound activity's key plus type plus position, so replaying the same activity
/// produces the same keys and <see cref="IConversationEvents"/> records nothing twice.
/// </summary>
internal sealed class TurnEvents(Activity activity, TimeProvider clock)
{
    // ConversationEventRecord.IdempotencyKey holds at most 700 characters; Teams ids can be long.
    private const int MaxKeyLength = 700;

    private readonly List<ConversationEvent> _events = [];
    private readonly Dictionary<string, int> _perType = [];
    private readonly string _activityKey = string.IsNullOrEmpty(activity.Id)
        ? $"{activity.ChannelId}/{activity.Conversation?.Id}/no-id-{Guid.NewGuid():N}"
        : $"{activity.ChannelId}/{activity.Conversation?.Id}/{activity.Id}";

    public string Locale { get; set; } = "en";

    public IReadOnlyList<ConversationEvent> Pending => _events;

    public void Add(string type, string? articleId = null, int? confidence = null, string? reason = null, string? text = null,
        IReadOnlyDictionary<string, object?>? data = null)
    {
        var index = _perType.GetValueOrDefault(type);
        _perType[type] = index + 1;
        _events.Add(new ConversationEvent
        {
            Type = type,
            IdempotencyKey = Key($"{_activityKey}/{type}/{index}"),
            ChannelId = activity.ChannelId ?? "",
            ConversationId = activity.Conversation?.Id ?? "",
            UserId = activity.From?.Id,
            Locale = Locale,
            OccurredAt = clock.GetUtcNow(),
            ArticleId = articleId,
            Confidence = confidence,
            Reason = reason,
            Text = text,
            Data = data,
        });
    }

    /// <summary>
    /// Adds a data field to the latest pending event of <paramref name="type"/>, for what is learnt after it was added (a
    /// follow-up's rewrite, after customer_message). False when no such event is pending.
    /// </summary>
    public bool AddData(string type, string key, object? value)
    {
        var index = _events.FindLastIndex(e => e.Type == type);
        if (index < 0)
        {
            return false;
        }
        var data = new Dictionary<string, object?>(_events[index].Data ?? new Dictionary<string, object?>()) { [key] = value };
        _events[index] = _events[index] with { Data = data };
        return true;
    }

    /// <summary>A key for something else the turn records once (a transcript line), made like the events' keys.</summary>
    public string KeyFor(string what, int index) => Key($"{_activityKey}/{what}/{index}");

    public async Task FlushAsync(IConversationEvents sink, CancellationToken cancellationToken)
    {
        if (_events.Count == 0)
        {
            return;
        }
        await sink.RecordAsync(TakePending(), cancellationToken);
    }

    /// <summary>The events not yet written, handed over to be written with the turn's state.</summary>
    public IReadOnlyList<ConversationEvent> TakePending()
    {
        var batch = _events.ToList();
        _events.Clear();
        return batch;
    }

    private static string Key(string key) =>
        key.Length <= MaxKeyLength ? key : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
