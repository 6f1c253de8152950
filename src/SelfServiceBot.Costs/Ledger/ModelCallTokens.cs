using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>
/// A <c>model_called</c> event adds the tokens the service reported to the conversation's latest contact: the open one,
/// or, for a call made after it closed (a hand-off summary, an article drafted from a resolved chat), the one that ended
/// last. It is neither activity nor a step of the conversation, so it never opens, extends, closes or reclassifies a
/// contact: with a model or without one, contacts start, end and get their outcomes the same way.
/// </summary>
internal static class ModelCallTokens
{
    /// <returns>False when the conversation has no contact to hold the tokens (the log starts after its first events, as
    /// in a database restored from a backup): those tokens are not counted anywhere.</returns>
    public static bool Add(ContactRecord? latest, ConversationEventRecord e, DateTimeOffset now)
    {
        if (latest is null)
        {
            return false;
        }
        var data = EventData.Parse(e.DataJson);
        latest.LlmInputTokens += Tokens(data, EventDataKeys.InputTokens);
        latest.LlmOutputTokens += Tokens(data, EventDataKeys.OutputTokens);
        latest.UpdatedAt = now;
        return true;
    }

    // A service that reports no usage (or nonsense) adds nothing rather than failing the ledger's batch.
    private static long Tokens(EventData data, string key) =>
        data.Decimal(key) is { } tokens and >= 0 and <= long.MaxValue ? (long)decimal.Truncate(tokens) : 0;
}
