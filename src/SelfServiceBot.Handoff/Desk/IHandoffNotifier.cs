namespace SelfServiceBot.Handoff.Desk;

/// <summary>
/// Tells the agent console what changed (queue, assignment, message, typing). The console's SignalR hub implements it;
/// without a console nothing listens. Called after the change is committed.
/// </summary>
public interface IHandoffNotifier
{
    Task QueueChangedAsync(CancellationToken cancellationToken);

    Task HandoffChangedAsync(long handoffId, string? agentId, CancellationToken cancellationToken);

    Task CustomerMessageAsync(long handoffId, string? agentId, string text, CancellationToken cancellationToken);

    Task CustomerTypingAsync(long handoffId, string? agentId, CancellationToken cancellationToken);

    /// <summary>
    /// A hand-off's brief (Briefs/HandoffBriefs) is ready, or will not come: the consoles showing the chat fetch it again.
    /// A default, so consoles and test doubles written before briefs need not know of it.
    /// </summary>
    Task BriefReadyAsync(long handoffId, string? agentId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The agent's presence changed (in one of their consoles, or by the grace period): their other consoles follow.</summary>
    Task PresenceChangedAsync(string agentId, string presence, CancellationToken cancellationToken);
}

internal sealed class NoHandoffNotifier : IHandoffNotifier
{
    public Task QueueChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task HandoffChangedAsync(long handoffId, string? agentId, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task CustomerMessageAsync(long handoffId, string? agentId, string text, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task PresenceChangedAsync(string agentId, string presence, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task CustomerTypingAsync(long handoffId, string? agentId, CancellationToken cancellationToken) => Task.CompletedTask;
}
