using Microsoft.Extensions.Options;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Desk;

/// <summary>
/// The conversation's port to the desk (<see cref="IHandoffGateway"/>): requests take the port's own records as they are;
/// only the desk's stored hand-off is turned into the port's <see cref="HandoffState"/>, so no entity leaves this module.
/// </summary>
internal sealed class DeskHandoffGateway(HandoffDesk desk, IOptions<HandoffOptions> options) : IHandoffGateway
{
    public Task<HandoffPlacement> RequestAsync(NewHandoff request, CancellationToken cancellationToken) => desk.RequestAsync(request, cancellationToken);

    public async Task<HandoffState?> FindAsync(long handoffId, CancellationToken cancellationToken) =>
        StateOf(await desk.FindAsync(handoffId, cancellationToken));

    public async Task<HandoffPosition> PositionAsync(HandoffState handoff, CancellationToken cancellationToken)
    {
        var (position, minutes) = await desk.PositionAsync(handoff.Id, handoff.Queue, handoff.Priority, cancellationToken);
        return new HandoffPosition(position, minutes);
    }

    public Task AssignWaitingAsync(CancellationToken cancellationToken) => desk.AssignWaitingAsync(cancellationToken);

    public Task AddCustomerMessageAsync(HandoffState handoff, string text, CancellationToken cancellationToken) =>
        desk.AddCustomerMessageAsync(handoff.Id, handoff.AgentId, text, cancellationToken);

    public Task CustomerTypingAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        desk.CustomerTypingAsync(channelId, conversationId, cancellationToken);

    public Task<bool> CancelAsync(long handoffId, CancellationToken cancellationToken) => desk.CancelAsync(handoffId, cancellationToken);

    public Task<bool> RateAsync(long handoffId, int score, CancellationToken cancellationToken) => desk.RateAsync(handoffId, score, cancellationToken);

    public Task SkipRatingAsync(long handoffId, CancellationToken cancellationToken) => desk.SkipRatingAsync(handoffId, cancellationToken);

    public Task SetContactDetailsAsync(long handoffId, string contact, CancellationToken cancellationToken) =>
        desk.SetContactDetailsAsync(handoffId, contact, cancellationToken);

    public bool IsExternalHub(string fromId) => options.Value.ExternalHubIds.Contains(fromId, StringComparer.Ordinal);

    public async Task<HandoffState?> ExternalStatusAsync(long handoffId, string state, CancellationToken cancellationToken) =>
        StateOf(await desk.ExternalStatusAsync(handoffId, state, cancellationToken));

    private static HandoffState? StateOf(HandoffRequestRecord? handoff) => handoff is null
        ? null
        : new HandoffState(handoff.Id, handoff.Reference, handoff.Status, handoff.Queue, handoff.Priority, handoff.AgentId, handoff.RatingPending);
}
