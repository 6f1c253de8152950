using Microsoft.AspNetCore.Authorization;

namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// The links on the staff home page. Each module adds its own page with the policy that guards it, so the home
/// page shows a person exactly the pages they may open (e.g. the agent console, the cost dashboard, users).
/// </summary>
public sealed class StaffNavigation(IAuthorizationService authorization)
{
    private readonly List<(string Path, string Policy, string English, string Chinese)> _links = [];

    public void Add(string path, string policy, string english, string chinese)
    {
        lock (_links)
        {
            _links.RemoveAll(l => l.Path == path);
            _links.Add((path, policy, english, chinese));
        }
    }

    /// <summary>The links <paramref name="user"/> may follow, titled in the current language.</summary>
    public async Task<IReadOnlyList<(string Path, string Title)>> ForAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        List<(string Path, string Policy, string English, string Chinese)> links;
        lock (_links)
        {
            links = [.. _links];
        }
        var visible = new List<(string, string)>();
        foreach (var link in links)
        {
            if ((await authorization.AuthorizeAsync(user, link.Policy)).Succeeded)
            {
                visible.Add((link.Path, StaffCultures.IsChinese ? link.Chinese : link.English));
            }
        }
        return visible;
    }
}
