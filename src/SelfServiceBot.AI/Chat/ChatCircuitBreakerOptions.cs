namespace SelfServiceBot.AI.Chat;

/// <summary>
/// <c>AI:Chat:CircuitBreaker</c>: after <see cref="Failures"/> failed or timed-out calls in a row the model is not called for
/// <see cref="BreakSeconds"/>, so a dead endpoint costs the customer no wait; then one trial call decides.
/// </summary>
public sealed class ChatCircuitBreakerOptions
{
    /// <summary>Failures (errors, timeouts, empty replies) in a row that open the breaker; 0 turns it off.</summary>
    public int Failures { get; set; } = 5;

    /// <summary>How long an open breaker answers every call at once as not made, before a trial call is let through.</summary>
    public int BreakSeconds { get; set; } = 60;
}
