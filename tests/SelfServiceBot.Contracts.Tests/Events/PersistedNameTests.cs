using SelfServiceBot.Contracts.Events;

namespace SelfServiceBot.Contracts.Tests.Events;

/// <summary>
/// The names stored in ConversationEvents (Type, DataJson's keys, customer_message's intent) are the contract between
/// the writers and the cost module: each is declared once, and docs/conversation-events.md documents exactly those.
/// </summary>
public sealed class PersistedNameTests
{
    [Fact]
    public void Every_event_type_is_declared_once_with_a_distinct_name()
    {
        var all = DocumentedNames.ConstantsOf(typeof(ConversationEventTypes)).Concat(DocumentedNames.ConstantsOf(typeof(HandoffEventTypes))).ToList();

        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, type => Assert.Matches("^[a-z]+(_[a-z]+)*$", type));
    }

    [Fact]
    public void The_lists_of_event_types_hold_every_declared_type()
    {
        Assert.Equal(DocumentedNames.ConstantsOf(typeof(ConversationEventTypes)), ConversationEventTypes.All);
        Assert.Equal(DocumentedNames.ConstantsOf(typeof(HandoffEventTypes)), HandoffEventTypes.All);
    }

    [Fact]
    public void The_event_types_are_the_ones_the_events_page_documents()
    {
        var declared = ConversationEventTypes.All.Concat(HandoffEventTypes.All).Order(StringComparer.Ordinal);

        Assert.Equal(DocumentedNames.EventTypes().Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void The_customer_message_intents_are_distinct_and_the_ones_the_events_page_documents()
    {
        var declared = DocumentedNames.ConstantsOf(typeof(CustomerMessageIntents));

        Assert.Equal(declared, CustomerMessageIntents.All);
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DocumentedNames.Intents().Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_data_keys_are_distinct_and_the_ones_the_events_page_documents()
    {
        var declared = DocumentedNames.ConstantsOf(typeof(EventDataKeys));

        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DocumentedNames.DataKeys().Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }
}
