using System.Globalization;
using Microsoft.AspNetCore.Http;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>Who called: the configured secret (any conversation) or a token (its own conversation only).</summary>
internal sealed record DirectLineCaller(bool IsSecret, DirectLineTokenClaims? Token);

/// <summary>Request and response helpers shared by the Direct Line endpoints.</summary>
internal static class DirectLineHttp
{
    public const string BasePath = "/v3/directline";

    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, BotJson.Options, statusCode: status);

    public static IResult Error(int status, string code, string message) =>
        Json(new DirectLineError(new DirectLineErrorBody(code, message)), status);

    public static IResult MissingAuthorization() =>
        Error(StatusCodes.Status401Unauthorized, "MissingToken", "Send 'Authorization: Bearer <token>' (a token from tokens/generate).");

    public static IResult InvalidToken() =>
        Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The token is invalid or expired; get a new one from tokens/generate.");

    public static IResult ConversationEnded() =>
        Error(StatusCodes.Status403Forbidden, "ConversationEnded", "The conversation has ended; its tokens no longer work. Start a new one.");

    public static IResult TokenTooOld() =>
        Error(StatusCodes.Status403Forbidden, "TokenTooOld", "This conversation's tokens cannot be refreshed any more; start a new conversation.");

    public static IResult ConversationNotFound(string id) =>
        Error(StatusCodes.Status404NotFound, "ConversationNotFound", $"Conversation '{id}' does not exist or has ended.");

    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>Lets in the secret, or a valid token issued for this very conversation.</summary>
    public static async Task<(DirectLineCaller? Caller, IResult? Error)> AuthorizeAsync(
        string? bearer, string conversationId, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(bearer))
        {
            return (null, MissingAuthorization());
        }
        if (tokens.IsSecret(bearer))
        {
            return (new DirectLineCaller(true, null), null);
        }
        var claims = await tokens.ValidateAsync(bearer, cancellationToken);
        if (claims is null)
        {
            return (null, InvalidToken());
        }
        if (claims.ConversationId != conversationId)
        {
            return (null, Error(StatusCodes.Status403Forbidden, "TokenForOtherConversation", "This token belongs to another conversation."));
        }
        return (new DirectLineCaller(false, claims), null);
    }

    /// <summary>Lets in a stream token (the streamUrl's <c>t</c>) issued for this very conversation.</summary>
    public static async Task<IResult?> AuthorizeStreamAsync(string t, string conversationId, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var claims = await tokens.ValidateStreamAsync(t, cancellationToken);
        if (claims is null)
        {
            return Error(StatusCodes.Status403Forbidden, "TokenInvalid",
                "The streamUrl's token is invalid or expired; get a new streamUrl from GET conversations/{id}.");
        }
        return claims.ConversationId == conversationId ? null
            : Error(StatusCodes.Status403Forbidden, "TokenForOtherConversation", "This token belongs to another conversation.");
    }

    /// <summary>Empty or missing means the start of the conversation; otherwise a non-negative sequence number.</summary>
    public static bool TryParseWatermark(string? raw, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(raw)
            || (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }

    public static IResult BadWatermark(string? raw) =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", $"watermark '{raw}' is not a sequence number (digits only, or empty).");

    /// <summary>Where the bot would reply over HTTP; recorded on inbound activities as their serviceUrl.</summary>
    public static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";

    /// <summary>
    /// The absolute ws:// (or wss://) URL of the conversation's stream, carrying a stream token (never the bearer token:
    /// URLs get logged) valid for <see cref="DirectLineOptions.StreamTokenLifetime"/>.
    /// </summary>
    public static async Task<string> StreamUrlAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineTokenClaims claims, long? watermark, CancellationToken cancellationToken)
    {
        // Not bounded by MaxTokenAge (IssueStreamTokenAsync), so there always is one.
        var token = (await tokens.IssueStreamTokenAsync(claims, cancellationToken))!.Token;
        var conversationId = claims.ConversationId;
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is { } w ? $"{url}&watermark={w}" : url;
    }
}
