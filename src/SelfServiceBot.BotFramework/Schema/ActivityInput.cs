using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SelfServiceBot.BotFramework.Schema;

/// <summary>
/// The checks every channel makes on a posted activity, in one order: the byte cap, text that cannot be stored
/// (<see cref="JsonInput"/>), JSON of the activity's shape, a type, identifiers within their columns
/// (<see cref="ActivityLimits"/>); then over-long text is cut (<see cref="TextLimit"/>). Each channel words and shapes
/// its own error from the <see cref="ActivityInputError"/>.
/// </summary>
internal static class ActivityInput
{
    public static async Task<(Activity? Activity, ActivityInputError? Error)> ReadAsync(
        HttpRequest request, int maxBytes, int maxTextLength, CancellationToken cancellationToken)
    {
        if (await JsonInput.ReadCappedAsync(request, maxBytes, cancellationToken) is not { } body)
        {
            return (null, new ActivityInputError(ActivityInputProblem.TooLarge));
        }
        if (JsonInput.FindInvalidText(body.Span) is { } at)
        {
            return (null, new ActivityInputError(ActivityInputProblem.InvalidText, InvalidTextAt: at));
        }
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body.Span, BotJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, new ActivityInputError(ActivityInputProblem.NotJson, Json: ex));
        }
        if (activity is null)
        {
            return (null, new ActivityInputError(ActivityInputProblem.NotJson));
        }
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, new ActivityInputError(ActivityInputProblem.NoType));
        }
        if (ActivityLimits.FindTooLong(activity) is { } tooLong)
        {
            return (null, new ActivityInputError(ActivityInputProblem.TooLong, TooLong: tooLong));
        }
        TextLimit.Apply(activity, maxTextLength);
        return (activity, null);
    }
}

internal enum ActivityInputProblem { TooLarge, InvalidText, NotJson, NoType, TooLong }

/// <param name="InvalidTextAt">InvalidText: the byte offset of the string that cannot be stored.</param>
/// <param name="Json">NotJson: the deserializer's complaint (null for a JSON <c>null</c>).</param>
/// <param name="TooLong">TooLong: which field, and its limit.</param>
internal sealed record ActivityInputError(ActivityInputProblem Problem, long? InvalidTextAt = null, JsonException? Json = null, string? TooLong = null);
