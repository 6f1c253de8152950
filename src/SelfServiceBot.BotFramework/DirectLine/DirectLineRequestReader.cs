using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SelfServiceBot.BotFramework.Schema;
using static SelfServiceBot.BotFramework.DirectLine.DirectLineHttp;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>
/// Reads what clients send under the <see cref="DirectLineOptions"/> limits: 413 over the byte caps, 400 for JSON that is
/// malformed, of the wrong shape or holds text that is not valid Unicode (<see cref="JsonInput"/>), or a user id or name
/// over its length; message text over <see cref="DirectLineOptions.MaxTextLength"/> is cut.
/// </summary>
internal static class DirectLineRequestReader
{
    public static async Task<(Activity? Activity, IResult? Error)> ReadActivityAsync(
        HttpRequest request, DirectLineOptions options, CancellationToken cancellationToken)
    {
        var (activity, error) = await ActivityInput.ReadAsync(request, options.MaxActivityBytes, options.MaxTextLength, cancellationToken);
        return (activity, error is null ? null : ActivityError(error, options.MaxActivityBytes));
    }

    /// <summary>An activity's problem in Direct Line's own error shape.</summary>
    private static IResult ActivityError(ActivityInputError error, int maxBytes) => error.Problem switch
    {
        ActivityInputProblem.TooLarge => TooLarge("activity", maxBytes),
        ActivityInputProblem.InvalidText => InvalidText(error.InvalidTextAt!.Value),
        ActivityInputProblem.NotJson when error.Json is { } ex =>
            Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body must be an activity (a JSON object): {ex.Message}"),
        ActivityInputProblem.NotJson or ActivityInputProblem.NoType =>
            Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs a type, e.g. {\"type\":\"message\",\"text\":\"hi\"}."),
        _ => Error(StatusCodes.Status400BadRequest, "BadArgument", error.TooLong!),
    };

    /// <summary>The optional body of tokens/generate and POST conversations; an empty body is fine, bad JSON is not.</summary>
    public static async Task<(DirectLineStartRequest? Body, IResult? Error)> ReadStartRequestAsync(
        HttpRequest request, DirectLineOptions options, CancellationToken cancellationToken)
    {
        var (json, error) = await ReadJsonAsync(request, options.MaxStartRequestBytes, "request", cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }
        if (IsBlank(json.Span))
        {
            return (new DirectLineStartRequest(), null);
        }
        DirectLineStartRequest body;
        try
        {
            body = JsonSerializer.Deserialize<DirectLineStartRequest>(json.Span, BotJson.Options) ?? new DirectLineStartRequest();
        }
        catch (JsonException ex)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body must be JSON like {{\"user\":{{\"id\":\"...\"}}}}: {ex.Message}"));
        }
        if (body.User?.Id is { } id && (id.Length == 0 || id.Length > options.MaxUserIdLength))
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", $"user.id must be 1 to {options.MaxUserIdLength} characters."));
        }
        if (body.User?.Name is { Length: > 0 } name && name.Length > options.MaxUserNameLength)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", $"user.name must be at most {options.MaxUserNameLength} characters."));
        }
        if (body.Locale is { } locale && (locale.Length is 0 or > 35 || !locale.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')))
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", $"locale '{locale}' is not a BCP-47 language tag."));
        }
        return (body, null);
    }

    private static async Task<(ReadOnlyMemory<byte> Json, IResult? Error)> ReadJsonAsync(
        HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
    {
        if (await JsonInput.ReadCappedAsync(request, maxBytes, cancellationToken) is not { } body)
        {
            return (default, TooLarge(what, maxBytes));
        }
        if (JsonInput.FindInvalidText(body.Span) is { } at)
        {
            return (default, InvalidText(at));
        }
        return (body, null);
    }

    private static IResult TooLarge(string what, int maxBytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The {what} is larger than {maxBytes} bytes.");

    private static IResult InvalidText(long at) => Error(StatusCodes.Status400BadRequest, "BadArgument",
        $"The string at byte {at} cannot be stored (an unpaired UTF-16 surrogate, bytes that are not UTF-8, or U+0000).");

    private static bool IsBlank(ReadOnlySpan<byte> json) => json.TrimStart(" \t\r\n"u8).IsEmpty;
}
