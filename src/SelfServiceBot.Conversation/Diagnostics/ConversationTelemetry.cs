using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SelfServiceBot.Conversation.Diagnostics;

/// <summary>The bot's spans around its database work in a turn (the state read, the turn's write) and its meter.</summary>
public static class ConversationTelemetry
{
    public const string Name = "SelfServiceBot.Conversation";

    public static readonly ActivitySource Source = new(Name);

    public const string StateReadSpan = "ssb.turn.state_read";
    public const string TurnWriteSpan = "ssb.turn.write";

    /// <summary>answer, clarify, no_match (the knowledge decision) or always_human (a topic that goes to a person).</summary>
    public const string DecisionAttribute = "ssb.knowledge.decision";
    public const string LocaleAttribute = "ssb.locale";
    /// <summary>How many events the turn wrote with its state.</summary>
    public const string EventCountAttribute = "ssb.turn.events";
    /// <summary>True when another turn of the conversation wrote the state meanwhile (the last turn's state won).</summary>
    public const string StateConflictAttribute = "ssb.turn.state_conflict";
    /// <summary>confirmed: the customer said the answer helped (the cost module also counts assumed ones, later).</summary>
    public const string DeflectionKindAttribute = "ssb.deflection.kind";

    public const string AlwaysHuman = "always_human";
}

/// <summary>Questions by what the bot decided, and confirmed deflections; made by the host's <see cref="IMeterFactory"/>.</summary>
public sealed class ConversationMetrics
{
    private readonly Counter<long> _answers;
    private readonly Counter<long> _deflections;

    public ConversationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ConversationTelemetry.Name);
        _answers = meter.CreateCounter<long>("ssb.answers", "{question}", "Questions the bot searched for, by decision and language");
        _deflections = meter.CreateCounter<long>("ssb.deflections", "{answer}", "Answers the customer said helped");
    }

    public void Decided(string decision, string locale)
    {
        if (_answers.Enabled)
        {
            _answers.Add(1, new(ConversationTelemetry.DecisionAttribute, decision), new(ConversationTelemetry.LocaleAttribute, locale));
        }
    }

    public void Deflected()
    {
        if (_deflections.Enabled)
        {
            _deflections.Add(1, new KeyValuePair<string, object?>(ConversationTelemetry.DeflectionKindAttribute, "confirmed"));
        }
    }
}
