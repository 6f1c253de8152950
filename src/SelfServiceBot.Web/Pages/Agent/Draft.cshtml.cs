using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.AgentProfiles;
using SelfServiceBot.Web.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Pages.Agent;

/// <summary>
/// One draft for a reviewer: edit and save, publish (saves the text shown, then writes the article), or reject with a
/// note. Anything refused comes back as typed with the reasons; nothing the reviewer typed is lost.
/// </summary>
[Authorize(Policy = StaffPolicies.Supervisors)]
public sealed class DraftModel(KnowledgeDraftStore store, DraftPublisher publisher, IKnowledgeCategories categories) : PageModel
{
    public sealed class DraftInput
    {
        public string Title { get; set; } = "";
        public string? Questions { get; set; }
        public string? Answer { get; set; }
        public string Locale { get; set; } = "en";
        public string Category { get; set; } = "";
        public int Version { get; set; }
        public string? Note { get; set; }
    }

    public KnowledgeDraftRecord Draft { get; private set; } = null!;
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public IReadOnlyList<DraftError> Errors { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool Saved { get; private set; }

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Saved = saved;
        Input = InputOf(Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var content = ContentOf(Input);
        Errors = content.Check(publishing: false);
        if (Errors.Count > 0)
        {
            return Refused();
        }
        if (!await store.UpdateAsync(id, Input.Version, content, Me, cancellationToken))
        {
            return Refused(KnowledgeDraftTexts.For(HttpContext.RequestUiCulture()).Changed, StatusCodes.Status409Conflict);
        }
        return RedirectToPage(new { id, saved = true });
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await publisher.PublishAsync(id, Input.Version, ContentOf(Input), Me, cancellationToken);
        if (!outcome.Published)
        {
            Errors = outcome.Errors;
            return Refused(outcome.Problem is PublishProblem.Invalid ? null : KnowledgeDraftTexts.For(HttpContext.RequestUiCulture()).Describe(outcome),
                outcome.Problem is PublishProblem.Changed ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var note = (Input.Note ?? "").Trim();
        // The reject form sends only the note: the edit form shows the draft as stored.
        var version = Input.Version;
        Input = InputOf(Draft);
        Input.Note = note;
        if (note.Length == 0)
        {
            return Refused(KnowledgeDraftTexts.For(HttpContext.RequestUiCulture()).RejectNoteMissing);
        }
        if (!await store.RejectAsync(id, version, note.Length <= 2000 ? note : note[..2000], Me, cancellationToken))
        {
            return Refused(KnowledgeDraftTexts.For(HttpContext.RequestUiCulture()).Changed, StatusCodes.Status409Conflict);
        }
        return RedirectToPage(new { id });
    }

    private string Me => User.Identity?.Name ?? "?";

    private IActionResult Refused(string? problem = null, int status = StatusCodes.Status400BadRequest)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } draft)
        {
            return false;
        }
        Draft = draft;
        Categories = await categories.ListAsync(cancellationToken);
        return true;
    }

    private static DraftContent ContentOf(DraftInput input) =>
        new DraftContent(input.Title, DraftContent.Lines(input.Questions), input.Answer ?? "", input.Locale, input.Category).Normalized();

    private static DraftInput InputOf(KnowledgeDraftRecord draft) => new()
    {
        Title = draft.Title,
        Questions = string.Join('\n', KnowledgeDraftStore.QuestionsOf(draft)),
        Answer = draft.Answer,
        Locale = draft.Locale,
        Category = draft.Category,
        Version = draft.Version,
    };
}
