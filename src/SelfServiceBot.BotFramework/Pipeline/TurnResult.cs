namespace SelfServiceBot.BotFramework.Pipeline;

public enum TurnOutcome
{
    Processed,
    /// <summary>The same activity was already handled (or is being handled); nothing was done.</summary>
    Duplicate,
    /// <summary>The bot threw; the error handler ran.</summary>
    Failed,
}

public sealed record TurnResult(TurnOutcome Outcome, InvokeResponse? InvokeResponse = null);
