namespace SelfServiceBot.BotFramework.Pipeline;

public enum TurnOutcome
{
    Processed,
    /// <summary>The same activity was already handled (or is being handled); nothing was done.</summary>
    Duplicate,
    /// <summary>The bot threw; the error handler ran.</summary>
    Failed,
    /// <summary>A live worker (this instance or another) is still running the same activity's turn: ask the channel to retry.</summary>
    Busy,
}

public sealed record TurnResult(TurnOutcome Outcome, InvokeResponse? InvokeResponse = null);
