namespace SelfServiceBot.Contracts.Events;

/// <summary>
/// The event types the conversation writes, as stored in ConversationEvents.Type (docs/conversation-events.md).
/// The values are persisted and read back by the cost module: never change one.
/// </summary>
public static class ConversationEventTypes
{
    public const string ContactStarted = "contact_started";
    public const string CustomerMessage = "customer_message";
    public const string AnswerShown = "answer_shown";
    public const string Feedback = "feedback";
    public const string ClarifyShown = "clarify_shown";
    public const string ConversationEnded = "conversation_ended";
    /// <summary>A call to the generative model (docs/ai.md): which feature, the tokens it cost, how it went.</summary>
    public const string ModelCalled = "model_called";

    public static readonly IReadOnlyList<string> All =
        [ContactStarted, CustomerMessage, AnswerShown, Feedback, ClarifyShown, ConversationEnded, ModelCalled];
}
