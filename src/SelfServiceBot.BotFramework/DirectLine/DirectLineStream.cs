using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Diagnostics;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// One client's WebSocket: replays the log after the watermark, then sends new activities as they
/// are appended. Each text frame is one ActivitySet. Appends on this instance arrive through
/// <see cref="DirectLineSignals"/> (no read back); every <see cref="DirectLineOptions.StreamPollInterval"/>,
/// or when those skip a sequence number, the database is read for what other instances appended.
/// </summary>
public sealed class DirectLineStream(
    IDirectLineStore store, DirectLineSignals signals, IOptions<DirectLineOptions> options, ILogger<DirectLineStream> logger,
    BotFrameworkMetrics? metrics = null)
{
    /// <summary>Called once the socket is open, before anything is sent on it; tests hold the stream here.</summary>
    internal Func<Task>? AfterAccept { get; set; }

    /// <param name="accept">Accepts the socket. The feed is subscribed first: a client may post the moment its socket is
    /// open, and what is only live (typing) is not in the log to be replayed. The log's first page is read before the
    /// accept too: what the client posts once its socket is open, and the bot's replies to it, then come from the feed,
    /// each set in a frame of its own as it was appended. (Read after the accept, on a busy machine the first read could
    /// find the post already answered and send both as one set: valid, but not the order of events the client saw.)
    /// A database that cannot be read fails the request before the socket opens.</param>
    public async Task RunAsync(Func<Task<WebSocket>> accept, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        using var feed = signals.Subscribe(conversationId);
        var firstPage = await store.ReadAsync(conversationId, watermark, options.Value.PageSize, cancellationToken);
        using var socket = await accept();
        // A span as long as the socket: how long clients stay, and what ended it.
        using var span = BotFrameworkTelemetry.Source.StartActivity(BotFrameworkTelemetry.DirectLineStreamSpan);
        metrics?.StreamOpened();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveUntilClosedAsync(socket, stop);
        try
        {
            if (AfterAccept is { } hook)
            {
                await hook();
            }
            await SendLogAsync(socket, feed, conversationId, watermark, firstPage, stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug("Direct Line stream of {ConversationId} ended: {Reason}", conversationId, ex.Message);
        }
        catch (Exception ex)
        {
            // E.g. the database is unreachable: drop the socket; the client reconnects after its retry delay.
            logger.LogWarning(ex, "Direct Line stream of {ConversationId} failed", conversationId);
            BotFrameworkTelemetry.Fail(span, ex);
        }
        finally
        {
            await stop.CancelAsync();
            await receiving;
            await CloseAsync(socket);
            metrics?.StreamClosed();
        }
    }

    // Subscribed before the first read: what is appended meanwhile is in the feed, and what the read already sent is skipped.
    private async Task SendLogAsync(WebSocket socket, DirectLineFeed feed, string conversationId, long watermark,
        IReadOnlyList<DirectLineLogEntry> firstPage, CancellationToken cancellationToken)
    {
        var last = await SendFromLogAsync(socket, conversationId, watermark, replaying: true, cancellationToken, firstPage);
        while (!cancellationToken.IsCancellationRequested)
        {
            var woken = await Task.WhenAny(feed.Reader.WaitToReadAsync(cancellationToken).AsTask(),
                Task.Delay(options.Value.StreamPollInterval, cancellationToken));
            await woken;
            // On the poll interval, or when something arrives out of order: other instances append to the log too.
            var readLog = !feed.Reader.TryPeek(out _);
            while (!readLog && feed.Reader.TryRead(out var item))
            {
                if (item.LiveJson is { } live)
                {
                    await SendSetAsync(socket, [live], last, cancellationToken);
                    continue;
                }
                var fresh = item.Appended!.Where(e => e.Sequence > last).ToList();
                if (fresh.Count == 0)
                {
                    continue;
                }
                if (fresh[0].Sequence != last + 1)
                {
                    readLog = true;
                    break;
                }
                last = fresh[^1].Sequence;
                await SendSetAsync(socket, fresh.Select(e => e.Json).ToList(), last, cancellationToken);
            }
            if (readLog)
            {
                last = await SendFromLogAsync(socket, conversationId, last, replaying: false, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Sends what the log holds after <paramref name="after"/>, page by page (the first one already read when
    /// <paramref name="firstPage"/> is given); returns the new watermark.
    /// </summary>
    private async Task<long> SendFromLogAsync(WebSocket socket, string conversationId, long after, bool replaying, CancellationToken cancellationToken,
        IReadOnlyList<DirectLineLogEntry>? firstPage = null)
    {
        var pageSize = options.Value.PageSize;
        while (true)
        {
            var entries = firstPage ?? await store.ReadAsync(conversationId, after, pageSize, cancellationToken);
            firstPage = null;
            if (entries.Count == 0)
            {
                return after;
            }
            after = entries[^1].Sequence;
            // On replay, typing that a later activity superseded is stale (logs from before typing skipped the log). The
            // newest entry is kept even when it is typing.
            var visible = replaying
                ? entries.Where((e, i) => e.Type != ActivityTypes.Typing || i == entries.Count - 1).Select(e => e.Json).ToList()
                : entries.Select(e => e.Json).ToList();
            if (visible.Count > 0)
            {
                await SendSetAsync(socket, visible, after, cancellationToken);
            }
            if (entries.Count < pageSize)
            {
                return after;
            }
        }
    }

    /// <summary>One ActivitySet frame; the stored JSON goes in as it is, without a parse and a re-serialization.</summary>
    private static async Task SendSetAsync(WebSocket socket, IReadOnlyList<string> activities, long watermark, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var json in activities)
            {
                writer.WriteRawValue(json);
            }
            writer.WriteEndArray();
            writer.WriteString("watermark", watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    // Clients send nothing we need: Direct Line JS sends "" every 20 s as a keep-alive. Reading is how we learn they left.
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed or aborted: either way the stream is over.
        }
        await stop.CancelAsync();
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The client went away without a closing handshake.
            }
        }
    }
}
