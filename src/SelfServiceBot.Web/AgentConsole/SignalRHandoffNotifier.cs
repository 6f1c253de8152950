using Microsoft.AspNetCore.SignalR;
using SelfServiceBot.Handoff.Desk;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>Pushes desk changes to the consoles: every agent's queue view, and the chat's own pane.</summary>
internal sealed class SignalRHandoffNotifier(IHubContext<AgentHub> hub) : IHandoffNotifier
{
    public Task QueueChangedAsync(CancellationToken cancellationToken) =>
        hub.Clients.Group(AgentHub.AgentsGroup).SendAsync("queueChanged", cancellationToken);

    public Task HandoffChangedAsync(long handoffId, string? agentId, CancellationToken cancellationToken) =>
        hub.Clients.Group(AgentHub.AgentsGroup).SendAsync("handoffChanged", handoffId, cancellationToken);

    public Task CustomerMessageAsync(long handoffId, string? agentId, string text, CancellationToken cancellationToken) =>
        hub.Clients.Group(AgentHub.AgentsGroup).SendAsync("customerMessage", handoffId, text, DateTimeOffset.UtcNow, cancellationToken);

    public Task PresenceChangedAsync(string agentId, string presence, CancellationToken cancellationToken) =>
        hub.Clients.User(agentId).SendAsync("presenceChanged", presence, cancellationToken);

    public Task CustomerTypingAsync(long handoffId, string? agentId, CancellationToken cancellationToken) =>
        agentId is null ? Task.CompletedTask : hub.Clients.User(agentId).SendAsync("customerTyping", handoffId, cancellationToken);
}
