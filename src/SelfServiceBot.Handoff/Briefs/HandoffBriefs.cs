using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.AI.Summaries;
using SelfServiceBot.AI.Transcripts;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Events;
using SelfServiceBot.Handoff.Storage;

namespace SelfServiceBot.Handoff.Briefs;

/// <summary>
/// Hand-off briefs (docs/ai.md, "Hand-off summaries"): the first time a chat is opened in the console in a language, one
/// instance claims the brief (a row, unique per hand-off and language), asks the model in the background and stores the
/// answer; the console shows "Summarising..." and hears <see cref="IHandoffNotifier.BriefReadyAsync"/> when it is done.
/// Later opens, on any instance, read the stored row. It starts when an agent opens the chat rather than at the request:
/// only then is the agent's language known, and the customer's turn never waits for it. Off (null) unless a model is
/// configured and <c>AI:Chat:HandoffSummary</c> is on.
/// </summary>
public sealed partial class HandoffBriefs(
    IDbContextFactory<BotDbContext> factory, IServiceProvider services, IOptions<ChatOptions> chat, HandoffDesk desk, HandoffEvents events,
    IHandoffNotifier notifier, TimeProvider clock, ILogger<HandoffBriefs> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    // IChatModel is not registered for Provider None (docs/ai.md): asked for when needed, not injected.
    private IChatModel? Model => chat.Value.Enabled(ChatFeature.HandoffSummary) ? services.GetService<IChatModel>() : null;

    /// <summary>A pending brief older than this was left by an instance that stopped mid-call: the next open takes it over.</summary>
    private TimeSpan Stale => TimeSpan.FromSeconds(chat.Value.TimeoutSeconds + 30);

    /// <summary>The background call of the latest brief this instance started (tests wait for it).</summary>
    internal Task LastStarted { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// The brief of <paramref name="handoff"/> in <paramref name="language"/>: ready, pending (started now or by someone
    /// else), or null when there is none to show (no model, the feature off, or the model gave nothing usable).
    /// </summary>
    public async Task<HandoffBriefView?> FindOrStartAsync(HandoffRequestRecord handoff, string language, CancellationToken cancellationToken)
    {
        if (Model is not { } model)
        {
            return null;
        }
        language = PromptLanguage.Normalize(language);
        var (brief, attempt) = await ClaimAsync(handoff.Id, language, cancellationToken);
        if (attempt is { } claimed)
        {
            LastStarted = Task.Run(() => WriteAsync(model, handoff.Id, language, claimed, _stopping.Token));
            return HandoffBriefView.Pending;
        }
        return brief.Status switch
        {
            HandoffBriefStatus.Ready when HandoffBrief.FromJson(brief.BriefJson) is { } ready => new HandoffBriefView(HandoffBriefStatus.Ready, ready),
            HandoffBriefStatus.Pending => HandoffBriefView.Pending,
            _ => null,
        };
    }

    /// <summary>The stored brief, and the attempt number when this call claimed the right to ask the model.</summary>
    private async Task<(HandoffBriefRecord Brief, int? Attempt)> ClaimAsync(long handoffId, string language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = factory.CreateDbContext();
        var existing = await db.HandoffBriefs().AsNoTracking().SingleOrDefaultAsync(b => b.HandoffId == handoffId && b.Language == language, cancellationToken);
        if (existing is null)
        {
            var created = new HandoffBriefRecord { HandoffId = handoffId, Language = language, StartedAt = now };
            db.HandoffBriefs().Add(created);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (created, created.Attempts);
            }
            catch (DbUpdateException)
            {
                // Another console (or instance) claimed it first: theirs is the one call.
                await using var again = factory.CreateDbContext();
                return (await again.HandoffBriefs().AsNoTracking().SingleAsync(b => b.HandoffId == handoffId && b.Language == language, cancellationToken), null);
            }
        }
        if (existing.Status == HandoffBriefStatus.Pending && existing.StartedAt < now - Stale)
        {
            var taken = await db.HandoffBriefs()
                .Where(b => b.Id == existing.Id && b.Status == HandoffBriefStatus.Pending && b.Attempts == existing.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Attempts, existing.Attempts + 1).SetProperty(b => b.StartedAt, now), cancellationToken);
            if (taken == 1)
            {
                return (existing, existing.Attempts + 1);
            }
        }
        return (existing, null);
    }

    private async Task WriteAsync(IChatModel model, long handoffId, string language, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            if (await desk.FindAsync(handoffId, cancellationToken) is not { } handoff)
            {
                return;
            }
            var chatLines = await TranscriptAsync(handoff, cancellationToken);
            var result = await new HandoffBriefWriter(model).WriteAsync(chatLines, language, cancellationToken);
            // The cost record first: written again after a crash, its key (language, attempt) keeps it single.
            await events.RecordAsync(handoff, ConversationEventTypes.ModelCalled, $"{ModelFeatures.HandoffSummary}.{language}.{attempt}",
                ModelCallData.For(ModelFeatures.HandoffSummary, result.Model, result.Reply, used: result.Brief is not null),
                cancellationToken: cancellationToken);
            await using (var db = factory.CreateDbContext())
            {
                await db.HandoffBriefs().Where(b => b.HandoffId == handoffId && b.Language == language && b.Attempts == attempt)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(b => b.Status, result.Brief is null ? HandoffBriefStatus.Failed : HandoffBriefStatus.Ready)
                        .SetProperty(b => b.BriefJson, result.Brief == null ? null : result.Brief.ToJson())
                        .SetProperty(b => b.FinishedAt, clock.GetUtcNow()), cancellationToken);
            }
            LogWritten(handoff.Reference, language, result.Reply.Outcome, result.Brief is not null);
            var now = await desk.FindAsync(handoffId, cancellationToken);
            await notifier.BriefReadyAsync(handoffId, now?.AgentId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Left pending: the next open after the stale time asks again; the console meanwhile shows the chat.
            LogFailed(e, handoffId);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>The chat as the console shows it: the bot's part before the hand-off, then the live part so far.</summary>
    private async Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(HandoffRequestRecord handoff, CancellationToken cancellationToken)
    {
        var botPart = JsonSerializer.Deserialize<List<TranscriptEntry>>(handoff.TranscriptJson ?? "[]", Json) ?? [];
        var live = await desk.MessagesAsync(handoff.Id, cancellationToken);
        return [.. botPart, .. live.Where(m => m.From != "system").Select(m => new TranscriptEntry(m.From, m.Text))];
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [LoggerMessage(Level = LogLevel.Information, Message = "Brief of hand-off {Reference} in {Language}: model {Outcome}, brief {Usable}")]
    private partial void LogWritten(string reference, string language, ChatOutcome outcome, bool usable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the brief of hand-off {HandoffId}")]
    private partial void LogFailed(Exception exception, long handoffId);
}

/// <summary>What the console shows at the head of a chat: <c>pending</c> (a placeholder) or <c>ready</c> with the brief.</summary>
public sealed record HandoffBriefView(string State, HandoffBrief? Brief)
{
    public static readonly HandoffBriefView Pending = new(HandoffBriefStatus.Pending, null);
}
