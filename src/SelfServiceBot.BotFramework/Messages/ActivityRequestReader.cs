using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Messages;

/// <summary>Reads the activity of a POST /api/messages: 413 over the size limit, 400 for anything that is not an activity.</summary>
internal static class ActivityRequestReader
{
    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        // Counted here rather than trusting Content-Length, so chunked bodies are bounded too.
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
            if (read == 0)
            {
                break;
            }
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.WrittenSpan, BotJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "The body is not a JSON activity.",
                detail: $"JSON error at {ex.Path ?? "$"} (line {ex.LineNumber}, byte {ex.BytePositionInLine})."));
        }
        if (activity is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a JSON activity."));
        }
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The activity has no type."));
        }
        return (activity, null);
    }

    private static IResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The activity is too large.",
        detail: $"At most {maxBytes} bytes are accepted.");
}
