using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Diagnostics;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using static SelfServiceBot.BotFramework.DirectLine.DirectLineHttp;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>GET activities (polling), POST activities (send), upload (not supported).</summary>
internal static class DirectLineActivityEndpoints
{
    /// <summary>Activities after the watermark. Typing is left out: it is only worth anything live, over the socket.</summary>
    public static async Task<IResult> ListAsync(
        string id, string? watermark, HttpRequest request, DirectLineTokens tokens, IDirectLineStore store,
        IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        using var span = BotFrameworkTelemetry.Source.StartActivity(BotFrameworkTelemetry.DirectLinePollSpan);
        var (_, error) = await AuthorizeAsync(Bearer(request), id, tokens, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (!TryParseWatermark(watermark, out var after))
        {
            return BadWatermark(watermark);
        }
        if (await store.FindConversationAsync(id, cancellationToken) is not { Ended: false })
        {
            return ConversationNotFound(id);
        }
        var entries = await store.ReadAsync(id, after, options.Value.PageSize, cancellationToken);
        var activities = entries.Where(e => e.Type != ActivityTypes.Typing).Select(e => Parse(e.Json)).ToList();
        var next = entries.Count > 0 ? entries[^1].Sequence : after;
        span?.SetTag(BotFrameworkTelemetry.ActivityCountAttribute, activities.Count);
        return Json(new DirectLineActivitySet(activities, next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Logs the client's activity (its echo), runs the bot, answers its id; 502 when the bot failed.</summary>
    public static async Task<IResult> PostAsync(
        string id, HttpRequest request, DirectLineTokens tokens, IDirectLineStore store, DirectLineChannel channel,
        IOptions<DirectLineOptions> options, TurnShutdown turnShutdown, CancellationToken cancellationToken)
    {
        using var span = BotFrameworkTelemetry.Source.StartActivity(BotFrameworkTelemetry.DirectLinePostSpan);
        var (caller, error) = await AuthorizeAsync(Bearer(request), id, tokens, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (await store.FindConversationAsync(id, cancellationToken) is not { Ended: false } conversation)
        {
            return ConversationNotFound(id);
        }
        var (read, invalid) = await DirectLineRequestReader.ReadActivityAsync(request, options.Value, cancellationToken);
        if (read is not { } activity)
        {
            return invalid!;
        }

        if (DirectLineChannel.ClientActivityIdOf(activity) is { Length: > DirectLineChannel.MaxClientActivityIdLength })
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument",
                $"The activity's id (or channelData.clientActivityID) is longer than {DirectLineChannel.MaxClientActivityIdLength} characters.");
        }

        span?.SetTag(BotFrameworkTelemetry.ActivityTypeAttribute, activity.Type);
        // The turn runs to its end even if the client hangs up: its replies land in the log either way.
        var result = await channel.PostFromClientAsync(conversation, caller!.Token?.UserId, activity, ServiceUrl(request), turnShutdown.Token);
        if (result.StillProcessing)
        {
            // A retry while the first attempt's turn still runs on a live worker: ask again shortly (its answer is coming).
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Error(StatusCodes.Status409Conflict, "Conflict", $"Activity '{result.Id}' is still being processed; retry later.");
        }
        if (activity.Type == ActivityTypes.EndOfConversation)
        {
            // The client ended it: every token of the conversation stops working (refresh, posts, polls, new sockets).
            await store.EndConversationAsync(id, turnShutdown.Token);
        }
        return result.BotFailed
            ? Error(StatusCodes.Status502BadGateway, "BotError", $"The bot failed to process activity '{result.Id}'.")
            : Json(new DirectLineResourceResponse(result.Id));
    }

    public static async Task<IResult> UploadAsync(string id, HttpRequest request, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var (_, error) = await AuthorizeAsync(Bearer(request), id, tokens, cancellationToken);
        return error ?? Error(StatusCodes.Status501NotImplemented, "NotImplemented",
            "The local Direct Line endpoint does not accept file uploads; send attachments by URL (contentUrl) in a normal activity.");
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
