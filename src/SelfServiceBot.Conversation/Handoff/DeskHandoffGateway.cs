using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Handoff.Desk;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>Hands the request to the hand-off desk: a live queue when someone can take it, an offline ticket otherwise.</summary>
internal sealed class DeskHandoffGateway(HandoffDesk desk) : IHandoffGateway
{
    public async Task<HandoffTicket> RequestAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var placement = await desk.RequestAsync(new NewHandoff(
            request.ChannelId,
            request.ConversationId,
            request.UserId,
            request.Reference.User?.Name,
            request.Locale,
            request.Reason,
            request.Category,
            request.LastCustomerText,
            request.LastArticleId,
            request.OfferedArticleIds,
            JsonSerializer.Serialize(request.Transcript, BotJson.Options),
            request.Reference), cancellationToken);
        return new HandoffTicket(placement.Reference)
        {
            Id = placement.Id,
            Status = placement.Status,
            Position = placement.Position,
            WaitMinutes = placement.WaitMinutes,
            OutsideHours = placement.OutsideHours,
        };
    }
}
