using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>
/// Interim hand-off: no live agents are connected yet, so the request is recorded (with the
/// transcript so far) for the support team to follow up, and the customer is told exactly that.
/// </summary>
internal sealed class RecordingHandoffGateway(
    IDbContextFactory<BotDbContext> factory, TimeProvider clock, ILogger<RecordingHandoffGateway> logger) : IHandoffGateway
{
    private const int Attempts = 5;

    public async Task<HandoffTicket> RequestAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var transcript = JsonSerializer.Serialize(new { request.Transcript, request.Reference, request.LastArticleId }, BotJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            var reference = HandoffReferences.Next();
            await using var db = factory.CreateDbContext();
            db.HandoffRequests.Add(new HandoffRequestRecord
            {
                Reference = reference,
                ChannelId = request.ChannelId,
                ConversationId = request.ConversationId,
                UserId = request.UserId,
                Locale = request.Locale,
                Reason = request.Reason,
                LastCustomerText = request.LastCustomerText,
                TranscriptJson = transcript,
                RequestedAt = clock.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Hand-off {Reference} recorded for conversation {ConversationId} ({Reason})",
                    reference, request.ConversationId, request.Reason);
                return new HandoffTicket(reference);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Most likely the random reference is taken: draw another.
            }
        }
    }
}
