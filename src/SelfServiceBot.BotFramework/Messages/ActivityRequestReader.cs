using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Messages;

/// <summary>
/// Reads the activity of a POST /api/messages: 413 over the size limit, 400 for anything that is not an activity (or
/// holds text that could not be stored); text longer than the limit is cut, so agents and the search see at most that.
/// </summary>
internal static class ActivityRequestReader
{
    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(
        HttpRequest request, int maxBytes, int maxTextLength, CancellationToken cancellationToken)
    {
        if (await JsonInput.ReadCappedAsync(request, maxBytes, cancellationToken) is not { } body)
        {
            return (null, TooLarge(maxBytes));
        }
        if (JsonInput.FindInvalidText(body.Span) is { } at)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The activity contains text that cannot be stored.",
                detail: $"The string at byte {at} has an unpaired UTF-16 surrogate, bytes that are not UTF-8, or U+0000."));
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body.Span, BotJson.Options);
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
        if (ActivityLimits.FindTooLong(activity) is { } tooLong)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The activity has a field that is too long.", detail: tooLong));
        }
        TextLimit.Apply(activity, maxTextLength);
        return (activity, null);
    }

    private static IResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The activity is too large.",
        detail: $"At most {maxBytes} bytes are accepted.");
}
