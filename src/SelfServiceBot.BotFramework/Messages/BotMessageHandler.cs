using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Connector;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Messages;

/// <summary>
/// One POST /api/messages: read, authenticate, remember where the conversation lives, run the turn, and answer
/// as the channel expects: 200 empty (replies went through the connector), 200 with the buffered replies for
/// expectReplies, or the invoke response.
/// </summary>
public sealed class BotMessageHandler(
    BotTokenValidator validator, TrustedServiceUrls trust, TurnProcessor turns, IConnectorClient connector,
    IOptions<BotEndpointOptions> endpoints, ILogger<BotMessageHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (activity, error) = await ActivityRequestReader.ReadAsync(
            request, endpoints.Value.MaxActivityBytes, endpoints.Value.MaxTextLength, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var auth = await validator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity!, cancellationToken);
        if (!auth.Succeeded)
        {
            logger.LogWarning("Rejected an activity for {ChannelId} conversation {ConversationId}: {Reason}",
                activity!.ChannelId, activity.Conversation?.Id, auth.FailureReason);
            return TypedResults.Unauthorized();
        }

        // callerId is for the bot to set on skill calls; a channel has no business asserting it.
        activity!.CallerId = null;
        if (auth.IsAuthenticated)
        {
            await trust.RecordAuthenticatedAsync(activity, cancellationToken);
        }

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            var buffer = new BufferedReplySink();
            await turns.ProcessAsync(activity, buffer, cancellationToken);
            return TypedResults.Json(new ExpectedReplies(buffer.Activities), BotJson.Options);
        }

        var result = await turns.ProcessAsync(activity, new ConnectorReplySink(connector), cancellationToken);
        if (activity.Type == ActivityTypes.Invoke && result.InvokeResponse is { } invoke)
        {
            return invoke.Body is null
                ? TypedResults.StatusCode(invoke.Status)
                : TypedResults.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status);
        }
        return TypedResults.Ok();
    }
}

/// <summary>The body answered to an expectReplies activity.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
