namespace SelfServiceBot.Conversation.Handoff;

/// <summary>
/// The conversation's part of the <c>Handoff</c> section: when the bot hands off by itself. The desk binds the rest of the
/// section (queues, business hours, presence, mode) in its own options.
/// </summary>
public sealed class HandoffTriggerOptions
{
    public const string SectionName = "Handoff";

    /// <summary>Consecutive questions without an answer before the bot hands off by itself (low_confidence). 0 = never.</summary>
    public int NoMatchLimit { get; set; } = 2;

    /// <summary>Customer messages in one contact before the bot hands off by itself (policy). 0 = never.</summary>
    public int MessageLimit { get; set; } = 20;

    /// <summary>Knowledge-base categories that always go to a person (policy), e.g. complaints, account-closure.</summary>
    public List<string> AlwaysHumanCategories { get; set; } = [];
}
