using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Connector;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.RateLimits;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Messages;

/// <summary>
/// One POST /api/messages: read, authenticate, remember where the conversation lives, run the turn, and answer
/// as the channel expects: 200 empty (replies went through the connector), 200 with the buffered replies for
/// expectReplies, or the invoke response.
/// </summary>
public sealed class BotMessageHandler(
    BotTokenValidator validator, TrustedServiceUrls trust, TurnProcessor turns, IConnectorClient connector,
    IOptions<BotEndpointOptions> endpoints, IOptions<BotAccessOptions> access, IHostEnvironment environment,
    ILogger<BotMessageHandler> logger)
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
        if (!auth.IsAuthenticated && !MayCallAnonymously(request.HttpContext))
        {
            logger.LogWarning("Refused an unauthenticated activity from {RemoteAddress}: no MicrosoftAppId in {Environment}, and Bot:AllowAnonymous is not set",
                request.HttpContext.Connection.RemoteIpAddress, environment.EnvironmentName);
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
            if ((await turns.ProcessAsync(activity, buffer, cancellationToken)).Outcome == TurnOutcome.Busy)
            {
                return StillProcessing(request);
            }
            return TypedResults.Json(new ExpectedReplies(buffer.Activities), BotJson.Options);
        }

        var result = await turns.ProcessAsync(activity, new ConnectorReplySink(connector), cancellationToken);
        if (result.Outcome == TurnOutcome.Busy)
        {
            return StillProcessing(request);
        }
        if (activity.Type == ActivityTypes.Invoke && result.InvokeResponse is { } invoke)
        {
            return invoke.Body is null
                ? TypedResults.StatusCode(invoke.Status)
                : TypedResults.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status);
        }
        return TypedResults.Ok();
    }

    // Local mode (no app id) is for a developer's machine: elsewhere only this machine may call, unless deliberately opened.
    // Behind a proxy the address is the forwarded one (ASPNETCORE_FORWARDEDHEADERS_ENABLED), so the proxy is not "this machine".
    private bool MayCallAnonymously(HttpContext context) =>
        environment.IsDevelopment() || access.Value.AllowAnonymous || ClientAddress.IsThisMachine(context);

    /// <summary>
    /// A redelivery while a live worker still runs the same activity: 409 and Retry-After, so the channel asks again and
    /// then finds the turn done (or, if that worker died meanwhile, finishes it). Never 200: that would drop the turn.
    /// </summary>
    internal static IResult StillProcessing(HttpRequest request)
    {
        request.HttpContext.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The activity is still being processed; retry later.");
    }
}

/// <summary>The body answered to an expectReplies activity.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
