using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static SelfServiceBot.BotFramework.DirectLine.DirectLineHttp;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>tokens/generate and tokens/refresh.</summary>
internal static class DirectLineTokenEndpoints
{
    /// <summary>
    /// A token for a new conversation (started later by POST conversations). Anonymous in local mode;
    /// with a configured secret only the secret may ask.
    /// </summary>
    public static async Task<IResult> GenerateAsync(
        HttpRequest request, DirectLineTokens tokens, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Value.Secret))
        {
            var bearer = Bearer(request);
            if (bearer is null)
            {
                return Error(StatusCodes.Status401Unauthorized, "MissingSecret", "This endpoint requires 'Authorization: Bearer <DirectLine secret>'.");
            }
            if (!tokens.IsSecret(bearer))
            {
                return Error(StatusCodes.Status403Forbidden, "InvalidSecret", "The Direct Line secret is wrong.");
            }
        }
        var (body, error) = await DirectLineRequestReader.ReadStartRequestAsync(request, options.Value, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var claims = new DirectLineTokenClaims(DirectLineChannel.NewConversationId(), body!.User?.Id ?? NewUserId(), body.User?.Name);
        var issued = (await tokens.IssueAsync(claims, cancellationToken))!;
        return Json(new DirectLineConversationResponse(claims.ConversationId, issued.Token, issued.ExpiresIn));
    }

    /// <summary>
    /// A fresh token for the same conversation and user; 403 once the old one has expired, the conversation has ended,
    /// or the line of refreshes reached <see cref="DirectLineOptions.MaxTokenAge"/>.
    /// </summary>
    public static async Task<IResult> RefreshAsync(HttpRequest request, DirectLineTokens tokens, IDirectLineStore store, CancellationToken cancellationToken)
    {
        if (Bearer(request) is not { } bearer)
        {
            return MissingAuthorization();
        }
        if (await tokens.ValidateAsync(bearer, cancellationToken) is not { } claims)
        {
            return InvalidToken();
        }
        if (await store.FindConversationAsync(claims.ConversationId, cancellationToken) is { Ended: true })
        {
            return ConversationEnded();
        }
        if (await tokens.IssueAsync(claims, cancellationToken) is not { } issued)
        {
            return TokenTooOld();
        }
        return Json(new DirectLineConversationResponse(claims.ConversationId, issued.Token, issued.ExpiresIn));
    }

    // Direct Line's own user ids start with "dl_"; Web Chat takes the id from the token's user claim.
    public static string NewUserId() => "dl_" + Guid.NewGuid().ToString("N");
}
