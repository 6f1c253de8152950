namespace SelfServiceBot.AI.Chat;

/// <summary>
/// The generative model as the product sees it: messages in, text and token counts out. Registered only when
/// <c>AI:Chat:Provider</c> is set; callers that find none answer as without a model.
/// </summary>
public interface IChatModel
{
    /// <summary>The model or deployment asked (for logs, events and the cost record).</summary>
    string Model { get; }

    /// <summary>Never throws for the service's faults (timeout, HTTP error, empty reply): they come back as a failed reply.</summary>
    Task<ChatModelReply> CompleteAsync(IReadOnlyList<ChatTurn> messages, CancellationToken cancellationToken);
}

public enum ChatRole
{
    System,
    User,
    Assistant,
}

/// <summary>One message of the prompt.</summary>
public sealed record ChatTurn(ChatRole Role, string Text);

public enum ChatOutcome
{
    Completed,
    TimedOut,
    Failed,
    /// <summary>
    /// Not asked: the endpoint failed <c>AI:Chat:CircuitBreaker:Failures</c> times in a row and the breaker is open, so no
    /// request was sent (no tokens, no wait).
    /// </summary>
    CircuitOpen,
}

/// <summary>
/// What a call gave: the text when <see cref="Outcome"/> is Completed, the tokens the service reported (zero when it
/// reported none; priced by the cost module as llm_input/llm_output_per_million_tokens), the time taken and, on failure, why.
/// </summary>
public sealed record ChatModelReply(ChatOutcome Outcome, string Text, int InputTokens, int OutputTokens, TimeSpan Elapsed, string? Error = null)
{
    public bool Succeeded => Outcome == ChatOutcome.Completed;
}
