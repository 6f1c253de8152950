using System.Text.Json;
using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Conversation.Bot;
using SelfServiceBot.Conversation.State;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>
/// External mode (<c>Handoff:Mode=External</c>): instead of our console, another agent hub takes the conversation. The bot
/// sends the Bot Framework <c>handoff.initiate</c> event with the transcript attached, and follows the hub's
/// <c>handoff.status</c> (accepted, completed, failed), which it never rejects, but only from the hub itself
/// (<c>Handoff:ExternalHubIds</c>, asked through <see cref="IHandoffGateway.IsExternalHub"/>): a customer could otherwise
/// post it into their own conversation and close, fail or "accept" their hand-off.
/// </summary>
internal sealed class ExternalHandoff(IHandoffGateway gateway, ILogger<ExternalHandoff> logger)
{
    public const string InitiateEvent = "handoff.initiate";
    public const string StatusEvent = "handoff.status";

    public static bool IsStatus(Activity activity) => activity.Type == ActivityTypes.Event && activity.Name == StatusEvent;

    public async Task InitiateAsync(
        TurnSession session, HandoffPlacement ticket, string reason, IReadOnlyList<TranscriptLine> transcriptLines, CancellationToken cancellationToken)
    {
        var state = session.State;
        var context = new Dictionary<string, object?>
        {
            ["reference"] = ticket.Reference,
            ["reason"] = reason,
            ["category"] = state.LastCategory,
            ["locale"] = session.Language,
            ["lastQuestion"] = state.LastQuestion,
        };
        var transcript = new
        {
            activities = transcriptLines.Select(l => new
            {
                type = ActivityTypes.Message,
                from = new { role = l.From == "user" ? "user" : "bot" },
                text = l.Text,
                timestamp = l.At,
            }),
        };
        var inbound = session.Activity;
        await session.Turn.SendActivityAsync(new Activity
        {
            Type = ActivityTypes.Event,
            Name = InitiateEvent,
            Value = JsonSerializer.SerializeToElement(context, BotJson.Options),
            RelatesTo = inbound.GetConversationReference(),
            ReplyToId = inbound.Id,
            Attachments = [new Attachment { ContentType = "application/json", Name = "Transcript", Content = JsonSerializer.SerializeToElement(transcript, BotJson.Options) }],
        }, cancellationToken);
        await session.SendTextAsync(HandoffTexts.For(session.Language).ExternalConnecting, cancellationToken);
    }

    /// <summary>The hub's news. Completed: the customer is back and asked for a rating; failed: an offline ticket.</summary>
    public async Task OnStatusAsync(TurnSession session, CancellationToken cancellationToken)
    {
        var from = session.Activity.From;
        // Direct Line stamps role "user" on everything a client posts, whatever id the client chose for itself.
        if (from?.Id is not { } fromId || from.Role == "user" || !gateway.IsExternalHub(fromId))
        {
            logger.LogWarning("Ignored {Event} in conversation {ConversationId} from {FromId} ({Role}): not the external hub (Handoff:ExternalHubIds)",
                StatusEvent, session.Activity.Conversation?.Id, from?.Id, from?.Role);
            return;
        }
        var state = session.State;
        var value = session.Activity.Value;
        var status = value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString() : null;
        if (state.HandoffId is not { } id || status is null || await gateway.ExternalStatusAsync(id, status, cancellationToken) is not { } handoff)
        {
            return;
        }
        var texts = HandoffTexts.For(session.Language);
        if (status == "completed")
        {
            var rating = RatingQuestion(texts, session.Language);
            await session.SendAsync(rating, rating.Text!, cancellationToken);
        }
        else if (status == "failed")
        {
            state.Stage = DialogStage.AwaitingContact;
            await session.SendTextAsync(HandoffFlow.Format(texts.ExternalFailed, handoff.Reference), cancellationToken);
        }
    }

    // The desk asks the same question when its own console hands a customer back (HandoffDesk.RatingQuestion).
    private static Activity RatingQuestion(HandoffTexts texts, string locale) => new()
    {
        Type = ActivityTypes.Message,
        Text = texts.RatingPrompt,
        Locale = locale,
        SuggestedActions = new SuggestedActions
        {
            Actions = [.. HandoffRating.Scores.Select(n => CardAction.ImBack(n, n))],
        },
    };
}
