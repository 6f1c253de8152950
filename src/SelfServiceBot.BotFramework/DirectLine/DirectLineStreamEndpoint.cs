using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using static SelfServiceBot.BotFramework.DirectLine.DirectLineHttp;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// The streamUrl: a WebSocket authorised by the stream token in its <c>t</c> query parameter, or by the bearer token in an
/// Authorization header (never in the URL, where proxies would log it).
/// </summary>
internal static class DirectLineStreamEndpoint
{
    public static async Task<IResult> AcceptAsync(
        string id, string? t, string? watermark, HttpContext context, DirectLineTokens tokens, IDirectLineStore store,
        DirectLineStream stream, DirectLineStreamSlots slots, IHostApplicationLifetime lifetime)
    {
        var aborted = context.RequestAborted;
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "Open the streamUrl as a WebSocket.");
        }
        var error = t is not null ? await AuthorizeStreamAsync(t, id, tokens, aborted)
            : (await AuthorizeAsync(Bearer(context.Request), id, tokens, aborted)).Error;
        if (error is not null)
        {
            return error;
        }
        if (!TryParseWatermark(watermark, out var after))
        {
            return BadWatermark(watermark);
        }
        if (await store.FindConversationAsync(id, aborted) is not { Ended: false })
        {
            return ConversationNotFound(id);
        }
        using var slot = slots.TryTake(id);
        if (slot is null)
        {
            return Error(StatusCodes.Status429TooManyRequests, "TooManyStreams",
                $"Conversation '{id}' already has {slots.Limit} open streams; close one before opening another.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        await stream.RunAsync(() => context.WebSockets.AcceptWebSocketAsync(), id, after, stop.Token);
        return Results.Empty;
    }
}
