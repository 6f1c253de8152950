using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Web.AgentProfiles;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Pages.Agent;

/// <summary>
/// Agents' skills, languages and capacity, for supervisors and admins: the list with presence and load, and an edit form.
/// A bad form is shown again as typed, with every problem, and nothing is saved; a good one routes at once.
/// </summary>
[Authorize(Policy = StaffPolicies.Supervisors)]
public sealed class AgentsModel(AgentRoster roster, SkillCatalog catalog, AgentProfileEditor editor) : PageModel
{
    public sealed class EditInput
    {
        public string UserId { get; set; } = "";
        public List<string> Skills { get; set; } = [];
        public List<string> Languages { get; set; } = [];
        public string? Capacity { get; set; }
    }

    public IReadOnlyList<AgentRow> Agents { get; private set; } = [];
    public IReadOnlyList<string> Skills { get; private set; } = [];
    public AgentRow? Editing { get; private set; }
    public IReadOnlyList<AgentProfileError> Errors { get; private set; } = [];
    public string? SavedName { get; private set; }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? edit, string? saved, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        SavedName = Agents.FirstOrDefault(a => a.UserId == saved)?.DisplayName;
        if (edit is not null)
        {
            Editing = Agents.FirstOrDefault(a => a.UserId == edit);
            if (Editing is null)
            {
                return NotFound();
            }
            Input = new EditInput
            {
                UserId = Editing.UserId,
                Skills = [.. Editing.Profile.Skills],
                Languages = [.. Editing.Profile.Languages],
                Capacity = Editing.Profile.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Editing = Agents.FirstOrDefault(a => a.UserId == Input.UserId);
        if (Editing is null)
        {
            return NotFound();
        }
        Errors = await editor.SaveAsync(Editing, Input.Skills, Input.Languages, Input.Capacity, cancellationToken);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return RedirectToPage(new { saved = Editing.UserId });
    }

    public bool HasError(AgentProfileField field) => Errors.Any(e => e.Field == field);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agents = await roster.ListAsync(cancellationToken);
        Skills = await catalog.SkillsAsync(cancellationToken);
    }
}
