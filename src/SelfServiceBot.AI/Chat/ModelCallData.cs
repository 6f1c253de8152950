using SelfServiceBot.Contracts.Events;

namespace SelfServiceBot.AI.Chat;

/// <summary>
/// The <c>model_called</c> event's data for one call (docs/conversation-events.md): every feature records its calls the
/// same way, so the cost module can add the tokens to the contact. Never the prompt or the reply.
/// </summary>
public static class ModelCallData
{
    /// <param name="used">False when the service answered but the feature did not use the reply (outcome <c>rejected</c>).</param>
    public static Dictionary<string, object?> For(string feature, string model, ChatModelReply reply, bool used = true) => new()
    {
        [EventDataKeys.Feature] = feature,
        [EventDataKeys.Model] = model,
        [EventDataKeys.Outcome] = reply.Outcome switch
        {
            ChatOutcome.Completed => used ? ModelCallOutcomes.Completed : ModelCallOutcomes.Rejected,
            ChatOutcome.TimedOut => ModelCallOutcomes.TimedOut,
            ChatOutcome.CircuitOpen => ModelCallOutcomes.Skipped,
            _ => ModelCallOutcomes.Failed,
        },
        [EventDataKeys.InputTokens] = reply.InputTokens,
        [EventDataKeys.OutputTokens] = reply.OutputTokens,
        [EventDataKeys.ElapsedMilliseconds] = (long)reply.Elapsed.TotalMilliseconds,
    };
}
