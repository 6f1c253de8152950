using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.KnowledgeDrafts.Storage;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Pages.Agent;

/// <summary>Knowledge base drafts by status (to review, published, rejected), for supervisors and admins.</summary>
[Authorize(Policy = StaffPolicies.Supervisors)]
public sealed class DraftsModel(KnowledgeDraftStore store) : PageModel
{
    public string Status { get; private set; } = KnowledgeDraftStatus.Draft;
    public IReadOnlyList<KnowledgeDraftRecord> Drafts { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        Status = KnowledgeDraftStatus.All.FirstOrDefault(s => s == status) ?? KnowledgeDraftStatus.Draft;
        Drafts = await store.ListAsync(Status, cancellationToken);
        Counts = await store.CountsAsync(cancellationToken);
    }
}
