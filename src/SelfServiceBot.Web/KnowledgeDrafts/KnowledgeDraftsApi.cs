using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>
/// Drafts from the cost dashboard's knowledge gaps (Reports policy): the page asks for an anti-forgery token, then posts
/// the gap's question. The same question's draft still open is returned instead of a second one. With a model configured, a
/// resolved hand-off on that question prefills title, questions and answer (ModelChatDrafts); otherwise the draft is the question.
/// </summary>
public static class KnowledgeDraftsApi
{
    public sealed record AntiforgeryToken(string Token, string HeaderName);
    public sealed record GapDraftRequest(string? Question, string? Category);
    public sealed record DraftCreated(long Id, string Status, string ReviewUrl, bool CanReview, bool Existing);

    public static RouteGroupBuilder MapKnowledgeDraftsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/kb/drafts").RequireAuthorization(StaffPolicies.Reports).RequireRateLimiting(RateLimits.StaffApiRateLimit.Policy);
        api.MapGet("/antiforgery", Token);
        api.MapPost("/from-gap", FromGapAsync);
        return api;
    }

    public static Ok<AntiforgeryToken> Token(IAntiforgery antiforgery, HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!));
    }

    public static async Task<Results<Created<DraftCreated>, Ok<DraftCreated>, ProblemHttpResult>> FromGapAsync(
        GapDraftRequest request, KnowledgeDraftStore store, ModelChatDrafts modelDrafts, IAntiforgery antiforgery, IAuthorizationService authorization, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem("Send the token from GET /api/kb/drafts/antiforgery in its header.", statusCode: 400, title: "Missing or invalid anti-forgery token");
        }
        var question = (request.Question ?? "").Trim().ReplaceLineEndings(" ");
        var category = string.IsNullOrWhiteSpace(request.Category) ? DraftContent.DefaultCategory : request.Category.Trim();
        var content = new DraftContent(question, [], "", LocaleOf(question), category).Normalized();
        if (content.Check(publishing: false) is { Count: > 0 } errors)
        {
            return TypedResults.Problem(string.Join(" ", errors.Select(KnowledgeDraftTexts.English.Describe)), statusCode: 400, title: "The gap cannot become a draft");
        }
        var canReview = (await authorization.AuthorizeAsync(http.User, StaffPolicies.Supervisors)).Succeeded;
        if (await store.FindOpenFromGapAsync(content.Title, content.Locale, cancellationToken) is { } open)
        {
            return TypedResults.Ok(Created(open, canReview, existing: true));
        }
        // With a model, the latest resolved chat on this question prefills the draft; the gap's question stays its source.
        var prefilled = await modelDrafts.FromGapAsync(content.Title, content.Locale, content.Category, cancellationToken) ?? content;
        var draft = await store.CreateAsync(prefilled, new DraftSource(KnowledgeDraftSources.KnowledgeGap, content.Title), http.User.Identity?.Name ?? "?", cancellationToken);
        return TypedResults.Created(ReviewUrl(draft.Id), Created(draft, canReview, existing: false));
    }

    public static string ReviewUrl(long id) => $"/agent/drafts/{id}";

    /// <summary>Gaps carry no language; a question with Chinese characters is a Chinese one.</summary>
    public static string LocaleOf(string text) => text.Any(c => c is >= '\u3400' and <= '\u9fff') ? "zh-CN" : "en";

    private static DraftCreated Created(KnowledgeDraftRecord draft, bool canReview, bool existing) =>
        new(draft.Id, draft.Status, ReviewUrl(draft.Id), canReview, existing);
}
