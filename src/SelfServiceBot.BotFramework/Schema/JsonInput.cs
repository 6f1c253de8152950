using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SelfServiceBot.BotFramework.Schema;

/// <summary>
/// Request bodies read under a byte cap, and JSON whose text cannot be written back out. System.Text.Json keeps the
/// untyped parts of an activity (<c>channelData</c>, <c>value</c>, an attachment's <c>content</c>, unknown properties)
/// as raw JSON and decodes their strings only when it serializes them again: a lone surrogate escape (<c>"\ud800"</c>)
/// or bytes that are not UTF-8 pass the deserializer and then throw while the activity is being stored; U+0000 passes
/// everything but PostgreSQL's text columns. Checked here,
/// once, so they are a 400 at the door rather than a 500 in the middle of a turn.
/// </summary>
internal static class JsonInput
{
    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/> (counted, so chunked bodies are bounded too).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadCappedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Where the first string or property name that is not valid Unicode starts (a byte offset), or null when every one
    /// is fine. Malformed JSON also answers null: the deserializer reports that with its own position.
    /// </summary>
    public static long? FindInvalidText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = BotJson.Options.MaxDepth is > 0 and var depth ? depth : 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsValidText(ref reader))
                {
                    return reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        try
        {
            // Decoding is the check: unpaired surrogates (escaped) and invalid UTF-8 (raw) both throw here. U+0000 decodes,
            // but PostgreSQL cannot store it in a text column: a message holding one failed its turn there (and only there).
            return !reader.GetString()!.Contains('\0', StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
