using Microsoft.AspNetCore.SignalR;
using SelfServiceBot.Handoff.Desk;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// Pushes desk changes to the consoles. Pushes carry ids, never customer text: a console that hears of a change fetches
/// the chat through <see cref="AgentHub.Open"/>, which checks who may read it. A live chat's news goes only to its agent
/// and the supervisors (as the database says now, <see cref="ConsoleAccess.ReadersAsync"/>); a waiting chat's to every
/// agent, since any of them may claim it.
/// </summary>
internal sealed class SignalRHandoffNotifier(IHubContext<AgentHub> hub, ConsoleAccess access) : IHandoffNotifier
{
    public Task QueueChangedAsync(CancellationToken cancellationToken) =>
        hub.Clients.Group(AgentHub.AgentsGroup).SendAsync("queueChanged", cancellationToken);

    public Task HandoffChangedAsync(long handoffId, string? agentId, CancellationToken cancellationToken) =>
        hub.Clients.Group(AgentHub.AgentsGroup).SendAsync("handoffChanged", handoffId, cancellationToken);

    public async Task CustomerMessageAsync(long handoffId, string? agentId, string text, CancellationToken cancellationToken)
    {
        var readers = agentId is null ? hub.Clients.Group(AgentHub.AgentsGroup) : hub.Clients.Users(await access.ReadersAsync(agentId, cancellationToken));
        await readers.SendAsync("customerMessage", handoffId, DateTimeOffset.UtcNow, cancellationToken);
    }

    // Like a customer's message: the brief is the customer's data, so only those who may read the chat hear of it.
    public async Task BriefReadyAsync(long handoffId, string? agentId, CancellationToken cancellationToken)
    {
        var readers = agentId is null ? hub.Clients.Group(AgentHub.AgentsGroup) : hub.Clients.Users(await access.ReadersAsync(agentId, cancellationToken));
        await readers.SendAsync("briefReady", handoffId, cancellationToken);
    }

    public Task PresenceChangedAsync(string agentId, string presence, CancellationToken cancellationToken) =>
        hub.Clients.User(agentId).SendAsync("presenceChanged", presence, cancellationToken);

    public Task CustomerTypingAsync(long handoffId, string? agentId, CancellationToken cancellationToken) =>
        agentId is null ? Task.CompletedTask : hub.Clients.User(agentId).SendAsync("customerTyping", handoffId, cancellationToken);
}
