using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.AI.Drafts;
using SelfServiceBot.AI.Transcripts;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Contracts.Privacy;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Events;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.KnowledgeDrafts;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>
/// Drafts prefilled by the model (docs/ai.md, "Drafted articles"): from a chat in the console, or for a knowledge gap from
/// the latest resolved hand-off on that question. Only when a model is configured and <c>AI:Chat:DraftArticles</c> is on;
/// a reply that is not a valid draft gives today's draft (ChatDraft, or the gap's bare question). Every call records one
/// model_called event on the chat's conversation. Agents still edit, save and a supervisor publishes.
/// </summary>
public sealed class ModelChatDrafts(
    IServiceProvider services, IOptions<ChatOptions> chat, IDbContextFactory<BotDbContext> factory, HandoffDesk desk, HandoffEvents events,
    IOutboundTextMasker? masker = null)
{
    // IChatModel is not registered for Provider None (docs/ai.md): asked for when needed, not injected.
    private IChatModel? Model => chat.Value.Enabled(ChatFeature.DraftArticles) ? services.GetService<IChatModel>() : null;

    /// <param name="lines">The chat as the console shows it: (from, text), the bot's part then the live part.</param>
    public async Task<DraftContent> FromChatAsync(HandoffRequestRecord handoff, HandoffSummary summary, IReadOnlyList<(string From, string Text)> lines,
        CancellationToken cancellationToken)
    {
        var today = ChatDraft.From(summary, lines);
        return await DraftAsync(handoff, lines, today.Locale, today.Category, question: null, cancellationToken) ?? today;
    }

    /// <summary>The gap's draft from the latest resolved hand-off whose customer asked <paramref name="question"/>; null when there is none to draft from.</summary>
    public async Task<DraftContent?> FromGapAsync(string question, string locale, string category, CancellationToken cancellationToken)
    {
        if (Model is null)
        {
            return null;
        }
        HandoffRequestRecord? resolved;
        await using (var db = factory.CreateDbContext())
        {
            resolved = await db.HandoffRequests().AsNoTracking()
                .Where(h => h.Status == HandoffStatus.Closed && h.Resolved == true && h.LastCustomerText == question)
                .OrderByDescending(h => h.Id).FirstOrDefaultAsync(cancellationToken);
        }
        if (resolved is null)
        {
            return null;
        }
        var botPart = JsonSerializer.Deserialize<List<TranscriptEntry>>(resolved.TranscriptJson ?? "[]", Json) ?? [];
        var live = await desk.MessagesAsync(resolved.Id, cancellationToken);
        var lines = botPart.Select(l => (l.From, l.Text)).Concat(live.Select(m => (m.From, m.Text))).ToList();
        return await DraftAsync(resolved, lines, locale, category, question, cancellationToken);
    }

    private async Task<DraftContent?> DraftAsync(HandoffRequestRecord handoff, IReadOnlyList<(string From, string Text)> lines, string locale, string category,
        string? question, CancellationToken cancellationToken)
    {
        if (Model is not { } model)
        {
            return null;
        }
        var chatLines = lines.Where(l => l.From != "system").Select(l => new TranscriptEntry(l.From, l.Text)).ToList();
        var result = await new ArticleDrafter(model).DraftAsync(chatLines, locale, question, cancellationToken);
        // The prompt asks for no personal data; masking what came back is the net under it (an article serves every customer).
        var content = result.Article is { } article
            ? new DraftContent(Mask(article.Title), article.Questions.Select(Mask).ToList(), Mask(article.Answer), locale, category).Normalized()
            : null;
        var usable = content is not null && content.Check(publishing: false).Count == 0;
        // Each click is its own call and its own cost: a fresh key, on the chat's conversation.
        await events.RecordAsync(handoff, ConversationEventTypes.ModelCalled, $"{ModelFeatures.ArticleDraft}.{Guid.NewGuid():N}",
            ModelCallData.For(ModelFeatures.ArticleDraft, result.Model, result.Reply, used: usable), cancellationToken: cancellationToken);
        return usable ? content : null;
    }

    private string Mask(string text) => masker?.Mask(text) ?? text;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
