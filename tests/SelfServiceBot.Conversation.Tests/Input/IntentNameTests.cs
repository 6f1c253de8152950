using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Conversation.Input;

namespace SelfServiceBot.Conversation.Tests.Input;

/// <summary>
/// customer_message's intent is stored and read by the cost module (a contact's question comes only from "question"):
/// each kind's stored name is pinned here, so renaming a member, or adding one, cannot silently change what is stored.
/// </summary>
public sealed class IntentNameTests
{
    private static readonly Dictionary<string, string> Pinned = new()
    {
        [nameof(IntentKind.Question)] = "question",
        [nameof(IntentKind.Restart)] = "restart",
        [nameof(IntentKind.Greeting)] = "greeting",
        [nameof(IntentKind.Helpful)] = "helpful",
        [nameof(IntentKind.NotHelpful)] = "not_helpful",
        [nameof(IntentKind.PickArticle)] = "pick_article",
        [nameof(IntentKind.NoneOfThese)] = "none_of_these",
        [nameof(IntentKind.AcceptHandoff)] = "accept_handoff",
        [nameof(IntentKind.AskSomethingElse)] = "ask_something_else",
        [nameof(IntentKind.RequestHandoff)] = "request_handoff",
    };

    [Fact]
    public void Every_intent_stores_its_pinned_name()
    {
        Assert.All(Enum.GetValues<IntentKind>(), kind =>
        {
            Assert.True(Pinned.TryGetValue(kind.ToString(), out var stored), $"{kind} has no pinned stored name: add it here and to CustomerMessageIntents");
            Assert.Equal(stored, new Intent(kind).EventName);
        });
        Assert.Equal(Pinned.Count, Enum.GetValues<IntentKind>().Length);
    }

    [Fact]
    public void Every_stored_intent_is_one_the_contracts_declare()
    {
        var written = Enum.GetValues<IntentKind>().Select(Intent.EventNameOf).Append(CustomerMessageIntents.ToAgent);

        Assert.Equal(CustomerMessageIntents.All.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
    }
}
