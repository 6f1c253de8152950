using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// One client's WebSocket: replays the log after the watermark, then sends new activities as they
/// are appended. Each text frame is one ActivitySet. Woken at once by appends on this instance and
/// every <see cref="DirectLineOptions.StreamPollInterval"/> by the database (appends on other instances).
/// </summary>
public sealed class DirectLineStream(
    IDirectLineStore store, DirectLineSignals signals, IOptions<DirectLineOptions> options, ILogger<DirectLineStream> logger)
{
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveUntilClosedAsync(socket, stop);
        try
        {
            await SendLogAsync(socket, conversationId, watermark, stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug("Direct Line stream of {ConversationId} ended: {Reason}", conversationId, ex.Message);
        }
        catch (Exception ex)
        {
            // E.g. the database is unreachable: drop the socket; the client reconnects after its retry delay.
            logger.LogWarning(ex, "Direct Line stream of {ConversationId} failed", conversationId);
        }
        finally
        {
            await stop.CancelAsync();
            await receiving;
            await CloseAsync(socket);
        }
    }

    private async Task SendLogAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        var replaying = true;
        var last = watermark;
        Task signal = Task.CompletedTask;
        using var live = signals.SubscribeLive(conversationId);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Taken before reading: an append between the read and the wait still wakes us.
                signal = signals.NextAsync(conversationId);
                var entries = await store.ReadAsync(conversationId, last, pageSize, cancellationToken);
                if (entries.Count > 0)
                {
                    last = entries[^1].Sequence;
                    // On replay, typing that a later activity superseded is stale. The newest entry is kept even when
                    // it is typing: it may have been appended between the socket's handshake and this first read.
                    var visible = replaying
                        ? entries.Where((e, i) => e.Type != ActivityTypes.Typing || i == entries.Count - 1).ToList()
                        : entries;
                    if (visible.Count > 0)
                    {
                        await SendSetAsync(socket, visible, last, cancellationToken);
                    }
                    if (entries.Count == pageSize)
                    {
                        continue;
                    }
                }
                replaying = false;
                while (live.Reader.TryRead(out var json))
                {
                    await SendLiveAsync(socket, json, last, cancellationToken);
                }
                await Task.WhenAny(signal, live.Reader.WaitToReadAsync(cancellationToken).AsTask(),
                    Task.Delay(options.Value.StreamPollInterval, cancellationToken));
            }
        }
        finally
        {
            signals.Forget(conversationId, signal);
        }
    }

    private static async Task SendSetAsync(WebSocket socket, IReadOnlyList<DirectLineLogEntry> entries, long watermark, CancellationToken cancellationToken)
    {
        var activities = entries.Select(e =>
        {
            using var document = JsonDocument.Parse(e.Json);
            return document.RootElement.Clone();
        }).ToList();
        var set = new DirectLineActivitySet(activities, watermark.ToString(CultureInfo.InvariantCulture));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(set, BotJson.Options);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private static async Task SendLiveAsync(WebSocket socket, string json, long watermark, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(json);
        var set = new DirectLineActivitySet([document.RootElement.Clone()], watermark.ToString(CultureInfo.InvariantCulture));
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(set, BotJson.Options), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
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
