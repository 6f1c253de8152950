namespace SelfServiceBot.Contracts.Events;

/// <summary>
/// What a customer's message was (<c>customer_message</c>'s <c>DataJson.intent</c>). The cost module takes a contact's
/// question, and so its knowledge gap, only from a question, never from "hi", a "Yes" button or "talk to a person".
/// The values are persisted: the conversation maps each of its intents to one of these by hand, never by member name.
/// </summary>
public static class CustomerMessageIntents
{
    public const string Question = "question";
    public const string Greeting = "greeting";
    public const string Restart = "restart";
    public const string Helpful = "helpful";
    public const string NotHelpful = "not_helpful";
    public const string PickArticle = "pick_article";
    public const string NoneOfThese = "none_of_these";
    /// <summary>The "Talk to a person" button offered after No or after no match.</summary>
    public const string AcceptHandoff = "accept_handoff";
    public const string AskSomethingElse = "ask_something_else";
    /// <summary>The customer asked for a person in their own words.</summary>
    public const string RequestHandoff = "request_handoff";
    /// <summary>Written while a hand-off is open: the customer's own words to the agent about their problem.</summary>
    public const string ToAgent = "to_agent";

    public static readonly IReadOnlyList<string> All =
        [Question, Greeting, Restart, Helpful, NotHelpful, PickArticle, NoneOfThese, AcceptHandoff, AskSomethingElse, RequestHandoff, ToAgent];
}
