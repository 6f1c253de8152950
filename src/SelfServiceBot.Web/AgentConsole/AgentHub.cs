using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Handoff.Briefs;
using SelfServiceBot.Handoff.Desk;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.AgentProfiles;
using SelfServiceBot.Web.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.AgentConsole;

/// <summary>
/// What the console does, over SignalR. Only signed-in staff under the Agents policy reach it (MapAgentConsole); the desk
/// checks ownership (only the chat's agent may write to, resolve or transfer it). Every call is checked against the caller's
/// roles as they are now (<see cref="AgentHubAccessFilter"/>). An agent sees the waiting chats (any of them may claim one,
/// so each shows its preview and opens in full) and their own; other agents' chats and the roster are for supervisors.
/// Texts go out as data: the page inserts them with textContent, never as HTML.
/// </summary>
public sealed class AgentHub(HandoffDesk desk, AgentDirectory agents, AgentConnections consoles, IKnowledgeSearch knowledge, KnowledgeDraftStore drafts,
    IKnowledgeCategories categories, TransferTargets targets, HandoffBriefs briefs, ModelChatDrafts modelDrafts) : Hub
{
    public const string AgentsGroup = "agents";

    public sealed record Line(string From, string Text, DateTimeOffset At);
    /// <param name="Brief">The model's brief in the console's language (pending or ready); null without one (docs/ai.md).</param>
    public sealed record Chat(HandoffSummary Handoff, IReadOnlyList<Line> Lines, IReadOnlyList<string> OfferedArticleIds, HandoffBriefView? Brief = null);
    public sealed record AgentView(string Id, string Name, string Presence, int Load, int Capacity, string Skills, string Languages);
    /// <param name="Agents">The roster (presence, load): supervisors only; empty for an agent.</param>
    /// <param name="Colleagues">Who a chat can be transferred to now.</param>
    public sealed record Board(IReadOnlyList<HandoffSummary> Open, IReadOnlyList<AgentView> Agents, string Me, bool Supervisor, string MyPresence,
        IReadOnlyList<TransferTargets.Colleague> Colleagues);
    /// <param name="Error">Why the transfer was refused, in the console's language; null when done.</param>
    public sealed record TransferOutcome(bool Done, string? Error);
    public sealed record Reply(string Title, string Answer);
    public sealed record DraftProposal(string Title, IReadOnlyList<string> Questions, string Answer, string Locale, string Category, IReadOnlyList<string>? Categories = null);
    public sealed record DraftSaved(long? Id, IReadOnlyList<string> Errors, string? ReviewUrl);

    private string Me => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public override async Task OnConnectedAsync()
    {
        var name = Context.User!.FindFirstValue(StaffIdentity.DisplayNameClaim) ?? Context.User!.Identity?.Name ?? "Agent";
        await agents.EnsureAsync(Me, name, Context.ConnectionAborted);
        await consoles.ConnectedAsync(Me, Context.ConnectionId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentsGroup);
        await base.OnConnectedAsync();
    }

    // Presence belongs to the agent over all their consoles: one tab closing changes nothing; when the last one closes the
    // agent goes offline after the grace period (AgentConnections), unless a console comes back first.
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await consoles.DisconnectedAsync(Me, Context.ConnectionId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    public Task SetPresence(string presence) => agents.SetPresenceAsync(Me, presence, Context.ConnectionAborted);

    public async Task<Board> GetBoard()
    {
        var supervisor = IsSupervisor;
        var open = (await desk.OpenAsync(Context.ConnectionAborted))
            .Where(h => supervisor || h.Status == HandoffStatus.Queued || h.AgentId == Me).ToList();
        var list = await agents.ListAsync(Context.ConnectionAborted);
        var roster = supervisor
            ? list.Select(a => new AgentView(a.Agent.UserId, a.Agent.DisplayName, a.Agent.Presence, a.Load, a.Agent.Capacity, a.Agent.Skills, a.Agent.Languages)).ToList()
            : [];
        return new Board(open, roster, Me, supervisor, list.FirstOrDefault(a => a.Agent.UserId == Me).Agent?.Presence ?? AgentPresence.Offline,
            await targets.ColleaguesAsync(Me, Context.ConnectionAborted));
    }

    public Task<bool> Claim(long handoffId) => desk.ClaimAsync(handoffId, Me, Context.ConnectionAborted);

    /// <summary>
    /// The whole conversation: the bot's part before the hand-off, then the live part; headed by the model's brief in the
    /// console's language when a model is configured (the first open starts it; "briefReady" says when it is there).
    /// </summary>
    public async Task<Chat?> Open(long handoffId)
    {
        if (await ReadAsync(handoffId) is not { } read)
        {
            return null;
        }
        var brief = await briefs.FindOrStartAsync(read.Handoff, Culture.Name, Context.ConnectionAborted);
        return read.Chat with { Brief = brief };
    }

    private async Task<(HandoffRequestRecord Handoff, Chat Chat)?> ReadAsync(long handoffId)
    {
        var handoff = await desk.FindAsync(handoffId, Context.ConnectionAborted);
        if (handoff is null || (handoff.AgentId != Me && handoff.Status != HandoffStatus.Queued && !IsSupervisor))
        {
            return null;
        }
        var botPart = JsonSerializer.Deserialize<List<Line>>(handoff.TranscriptJson ?? "[]", JsonOptions) ?? [];
        var live = (await desk.MessagesAsync(handoffId, Context.ConnectionAborted)).Select(m => new Line(m.From, m.Text, m.At));
        var offered = JsonSerializer.Deserialize<List<string>>(handoff.OfferedArticlesJson ?? "[]") ?? [];
        return (handoff, new Chat(HandoffDesk.Summarize(handoff), [.. botPart, .. live], offered));
    }

    public Task<bool> Send(long handoffId, string text) =>
        desk.SendAgentMessageAsync(handoffId, Me, (text ?? "").Trim() is { Length: > 0 and <= 4000 } t ? t : "", Context.ConnectionAborted);

    public Task Typing(long handoffId) => desk.AgentTypingAsync(handoffId, Me, Context.ConnectionAborted);

    public Task<bool> Resolve(long handoffId, string category, bool resolved, string? note) =>
        desk.ResolveAsync(handoffId, Me, new Disposition(string.IsNullOrWhiteSpace(category) ? "other" : category.Trim(), resolved, note), Context.ConnectionAborted);

    public async Task<TransferOutcome> TransferToQueue(long handoffId, string queue) =>
        await targets.CheckQueueAsync(queue, Context.ConnectionAborted) is { } refused ? Refused(refused)
        : new TransferOutcome(await desk.TransferToQueueAsync(handoffId, Me, queue.Trim(), Context.ConnectionAborted), null);

    public async Task<TransferOutcome> TransferToAgent(long handoffId, string agentId) =>
        await targets.CheckAgentAsync(Me, agentId, Context.ConnectionAborted) is { } refused ? Refused(refused)
        : new TransferOutcome(await desk.TransferToAgentAsync(handoffId, Me, agentId, Context.ConnectionAborted), null);

    private TransferOutcome Refused(string key) =>
        new(false, ConsoleTexts.For(Culture)[key]);

    /// <summary>Canned replies: knowledge-base answers for what the agent types, in the customer's language.</summary>
    public async Task<IReadOnlyList<Reply>> SearchReplies(string query, string? locale)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var result = await knowledge.SearchAsync(query, locale ?? "en", Context.ConnectionAborted);
        return result.Candidates.Take(5).Select(c => new Reply(c.Title, c.Answer)).ToList();
    }

    /// <summary>
    /// A first draft of a knowledge base article from the chat, to edit: the model's when one is configured and its reply
    /// is a valid draft, else the question from the customer and the answer from the agent (ChatDraft).
    /// </summary>
    public async Task<DraftProposal?> DraftArticle(long handoffId)
    {
        if (await ReadAsync(handoffId) is not { } read)
        {
            return null;
        }
        var (handoff, chat) = read;
        var draft = await modelDrafts.FromChatAsync(handoff, chat.Handoff, chat.Lines.Select(l => (l.From, l.Text)).ToList(), Context.ConnectionAborted);
        return new DraftProposal(draft.Title, draft.Questions, draft.Answer, draft.Locale, draft.Category,
            await categories.ListAsync(Context.ConnectionAborted));
    }

    /// <summary>Stores the agent's edited draft for a supervisor to review (/agent/drafts); problems come back in the console's language.</summary>
    public async Task<DraftSaved?> SaveDraft(long handoffId, DraftProposal edited)
    {
        if (await ReadAsync(handoffId) is not { Chat: var chat })
        {
            return null;
        }
        var content = new DraftContent(edited.Title ?? "", edited.Questions ?? [], edited.Answer ?? "", edited.Locale ?? "", edited.Category ?? "").Normalized();
        if (content.Check(publishing: false) is { Count: > 0 } errors)
        {
            var texts = KnowledgeDraftTexts.For(Culture);
            return new DraftSaved(null, errors.Select(texts.Describe).ToList(), null);
        }
        var conversationId = (await desk.FindAsync(handoffId, Context.ConnectionAborted))?.ConversationId;
        var draft = await drafts.CreateAsync(content, new DraftSource(KnowledgeDraftSources.Conversation, chat.Handoff.Reference, conversationId, handoffId),
            Context.User!.Identity?.Name ?? Me, Context.ConnectionAborted);
        return new DraftSaved(draft.Id, [], IsSupervisor ? KnowledgeDraftsApi.ReviewUrl(draft.Id) : null);
    }

    private System.Globalization.CultureInfo Culture =>
        Context.GetHttpContext()?.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture
        ?? System.Globalization.CultureInfo.CurrentUICulture;

    private bool IsSupervisor => AgentHubAccessFilter.IsSupervisor(Context);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
