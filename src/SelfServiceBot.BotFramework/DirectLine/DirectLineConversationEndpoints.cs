using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SelfServiceBot.BotFramework.Pipeline;
using static SelfServiceBot.BotFramework.DirectLine.DirectLineHttp;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>POST conversations (start) and GET conversations/{id} (reconnect).</summary>
internal static class DirectLineConversationEndpoints
{
    /// <summary>
    /// Starts the token's conversation (201, or 200 when it was already started). Without a token,
    /// the secret, or anyone in local mode, starts a brand-new conversation.
    /// </summary>
    public static async Task<IResult> StartAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineChannel channel, IDirectLineStore store,
        IOptions<DirectLineOptions> options, TimeProvider clock, TurnShutdown turnShutdown, CancellationToken cancellationToken)
    {
        var bearer = Bearer(request);
        DirectLineTokenClaims? fromToken = null;
        if (bearer is not null && !tokens.IsSecret(bearer))
        {
            fromToken = await tokens.ValidateAsync(bearer, cancellationToken);
            if (fromToken is null)
            {
                return InvalidToken();
            }
        }
        else if (bearer is null && !string.IsNullOrEmpty(options.Value.Secret))
        {
            return MissingAuthorization();
        }
        var (body, error) = await DirectLineRequestReader.ReadStartRequestAsync(request, options.Value, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var claims = fromToken ?? new DirectLineTokenClaims(DirectLineChannel.NewConversationId(),
            body!.User?.Id ?? DirectLineTokenEndpoints.NewUserId(), body.User?.Name);

        var conversation = new DirectLineConversationInfo(claims.ConversationId, claims.UserId, body!.Locale, clock.GetUtcNow());
        // The bot's welcome turn must not be cut short because the client hung up.
        var created = await channel.StartAsync(conversation, claims.UserName, ServiceUrl(request), turnShutdown.Token);
        if (!created && await store.FindConversationAsync(conversation.Id, cancellationToken) is null or { Ended: true })
        {
            return ConversationNotFound(conversation.Id);
        }
        if (await tokens.IssueAsync(claims, cancellationToken) is not { } issued)
        {
            return TokenTooOld();
        }
        var response = new DirectLineConversationResponse(conversation.Id, issued.Token, issued.ExpiresIn,
            await StreamUrlAsync(request, tokens, claims, watermark: null, cancellationToken));
        return Json(response, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>What a client calls after its socket closed: a fresh token and a streamUrl that resumes after the watermark.</summary>
    public static async Task<IResult> ReconnectAsync(
        string id, string? watermark, HttpRequest request, DirectLineTokens tokens, IDirectLineStore store, CancellationToken cancellationToken)
    {
        var (caller, error) = await AuthorizeAsync(Bearer(request), id, tokens, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        if (!TryParseWatermark(watermark, out var after))
        {
            return BadWatermark(watermark);
        }
        if (await store.FindConversationAsync(id, cancellationToken) is not { Ended: false } conversation)
        {
            return ConversationNotFound(id);
        }
        var claims = caller!.Token ?? new DirectLineTokenClaims(id, conversation.UserId, null);
        if (await tokens.IssueAsync(claims, cancellationToken) is not { } issued)
        {
            return TokenTooOld();
        }
        return Json(new DirectLineConversationResponse(id, issued.Token, issued.ExpiresIn,
            await StreamUrlAsync(request, tokens, claims, string.IsNullOrEmpty(watermark) ? null : after, cancellationToken)));
    }
}
