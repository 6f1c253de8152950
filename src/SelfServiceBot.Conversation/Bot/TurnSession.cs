using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Events;
using SelfServiceBot.Conversation.Localization;
using SelfServiceBot.Conversation.Replies;
using SelfServiceBot.Conversation.State;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Data.Conversations;

namespace SelfServiceBot.Conversation.Bot;

/// <summary>
/// One turn of one conversation: the inbound activity, the conversation's state as loaded, the
/// language to answer in, and the events to report. Handlers work on this; <see cref="SupportBot"/>
/// loads and saves around them.
/// </summary>
internal sealed class TurnSession
{
    private const int TranscriptLimit = 40;
    private const int TranscriptLineLimit = 1000;

    private readonly TimeProvider _clock;
    private readonly TimeSpan _typingDelay;
    private readonly List<NewTranscriptLine> _newLines = [];

    public TurnSession(ITurnContext turn, DialogState state, TimeProvider clock, TimeSpan typingDelay)
    {
        Turn = turn;
        State = state;
        _clock = clock;
        _typingDelay = typingDelay;
        Language = Localization.Language.Resolve(turn.Activity.Locale ?? LocaleFromEventValue(turn.Activity), state.Locale);
        State.Locale = Language;
        Events = new TurnEvents(turn.Activity, clock) { Locale = Language };
    }

    public ITurnContext Turn { get; }

    public Activity Activity => Turn.Activity;

    public DialogState State { get; private set; }

    public string Language { get; }

    public BotTexts Texts => BotTexts.For(Language);

    public TurnEvents Events { get; }

    public string? ChannelId => Activity.ChannelId;

    /// <summary>The lines this turn added to the transcript, in order; written with the turn's state.</summary>
    public IReadOnlyList<NewTranscriptLine> NewTranscriptLines => _newLines;

    /// <summary>Reports contact_started once per contact (until a restart or the end of the conversation).</summary>
    public void StartContact(string trigger)
    {
        if (!State.ContactStarted)
        {
            State.ContactStarted = true;
            Events.Add(ConversationEventTypes.ContactStarted, data: new Dictionary<string, object?> { [EventDataKeys.Trigger] = trigger });
        }
    }

    /// <summary>Forgets everything but the language: the next message starts a new contact.</summary>
    public void ResetState() => State = new DialogState { Locale = Language };

    public void RecordCustomerLine(string text) => AddTranscript("user", text);

    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(ReplyFactory.Text(text), text, cancellationToken);

    public Task SendChoicesAsync(string prompt, IReadOnlyList<Choice> choices, CancellationToken cancellationToken) =>
        SendAsync(ReplyFactory.Choices(ChannelId, prompt, choices), prompt, cancellationToken);

    public Task SendTypingAsync(CancellationToken cancellationToken) => Turn.SendActivityAsync(ReplyFactory.Typing(), cancellationToken);

    /// <summary>
    /// Runs what the customer waits for (a search); when it is not done within the typing delay, the typing indicator goes
    /// out meanwhile, from the timer's thread, so even work that never yields gets it, and always before the answer.
    /// </summary>
    public async Task<T> TypingWhileAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (_typingDelay == TimeSpan.Zero)
        {
            await SendTypingAsync(cancellationToken);
            return await work();
        }
        Task? typing = null;
        var timer = _clock.CreateTimer(_ => Volatile.Write(ref typing, SendTypingAsync(cancellationToken)), null, _typingDelay, Timeout.InfiniteTimeSpan);
        try
        {
            return await work();
        }
        finally
        {
            // Waits for a callback already running, so a typing that started is sent before the answer.
            await timer.DisposeAsync();
            if (Volatile.Read(ref typing) is { } started)
            {
                await started;
            }
        }
    }

    public Task SendAsync(Activity reply, string transcriptText, CancellationToken cancellationToken) =>
        SendAsync(reply, [transcriptText], cancellationToken);

    /// <summary>
    /// Sends one reply; the transcript gets a line for each part the customer reads in it, as the agent console and the
    /// hand-off transcript show it: an answer and its "Did this answer your question?" are one message but two lines.
    /// </summary>
    public async Task SendAsync(Activity reply, IReadOnlyList<string> transcriptLines, CancellationToken cancellationToken)
    {
        reply.Locale = Language;
        await Turn.SendActivityAsync(reply, cancellationToken);
        foreach (var line in transcriptLines)
        {
            AddTranscript("bot", line);
        }
    }

    /// <summary>
    /// The last lines of the current transcript as the customer saw them, oldest first: those earlier turns wrote, then
    /// this turn's (a line said before a restart in this turn belongs to the old transcript, as the rows before it do).
    /// </summary>
    public async Task<IReadOnlyList<TranscriptLine>> ReadTranscriptAsync(IConversationTranscriptStore store, CancellationToken cancellationToken)
    {
        var stored = await store.ReadLastAsync(SupportBot.KeyOf(Activity) ?? "", State.TranscriptId, TranscriptLimit, cancellationToken);
        return stored.Select(l => new TranscriptLine(l.From, l.Text, l.At))
            .Concat(_newLines.Where(l => l.TranscriptId == State.TranscriptId).Select(l => new TranscriptLine(l.From, l.Text, l.At)))
            .TakeLast(TranscriptLimit)
            .ToList();
    }

    private void AddTranscript(string from, string text)
    {
        var clipped = text.Length <= TranscriptLineLimit ? text : text[..TranscriptLineLimit];
        _newLines.Add(new NewTranscriptLine(Events.KeyFor("line", _newLines.Count), State.TranscriptId, from, clipped, _clock.GetUtcNow()));
    }

    // Web Chat samples send the browser language as the join event's value: { language: "zh-CN" }.
    private static string? LocaleFromEventValue(Activity activity)
    {
        if (activity.Type != ActivityTypes.Event || activity.Value is not { ValueKind: System.Text.Json.JsonValueKind.Object } value)
        {
            return null;
        }
        foreach (var name in new[] { "locale", "language" })
        {
            if (value.TryGetProperty(name, out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return p.GetString();
            }
        }
        return null;
    }
}
