using Microsoft.AspNetCore.Http;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Messages;

/// <summary>
/// Reads the activity of a POST /api/messages (<see cref="ActivityInput"/>): 413 over the size limit, 400 as problem
/// details for anything that is not an activity (or holds text that could not be stored); text longer than the limit is
/// cut, so agents and the search see at most that.
/// </summary>
internal static class ActivityRequestReader
{
    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(
        HttpRequest request, int maxBytes, int maxTextLength, CancellationToken cancellationToken)
    {
        var (activity, error) = await ActivityInput.ReadAsync(request, maxBytes, maxTextLength, cancellationToken);
        return (activity, error is null ? null : Problem(error, maxBytes));
    }

    private static IResult Problem(ActivityInputError error, int maxBytes) => error.Problem switch
    {
        ActivityInputProblem.TooLarge => TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "The activity is too large.", detail: $"At most {maxBytes} bytes are accepted."),
        ActivityInputProblem.InvalidText => BadRequest("The activity contains text that cannot be stored.",
            $"The string at byte {error.InvalidTextAt} has an unpaired UTF-16 surrogate, bytes that are not UTF-8, or U+0000."),
        ActivityInputProblem.NotJson => BadRequest("The body is not a JSON activity.", error.Json is { } ex
            ? $"JSON error at {ex.Path ?? "$"} (line {ex.LineNumber}, byte {ex.BytePositionInLine})." : null),
        ActivityInputProblem.NoType => BadRequest("The activity has no type.", null),
        _ => BadRequest("The activity has a field that is too long.", error.TooLong),
    };

    private static IResult BadRequest(string title, string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
