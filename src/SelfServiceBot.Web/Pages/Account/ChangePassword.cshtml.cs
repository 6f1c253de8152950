using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Pages.Account;

[Authorize]
public sealed class ChangePasswordModel(SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var t = StaffTexts.For(HttpContext.RequestUiCulture());
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (NewPassword != ConfirmPassword)
        {
            Errors.Add(t.PasswordsDiffer);
            return Page();
        }
        var changed = await signIn.UserManager.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "");
        if (!changed.Succeeded)
        {
            Errors.AddRange(changed.Errors.Select(e => e.Description));
            return Page();
        }
        user.MustChangePassword = false;
        await signIn.UserManager.UpdateAsync(user);
        // A new cookie without the must-change-password claim.
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(StaffCultures.IsLocal(ReturnUrl) ? ReturnUrl! : SignInExtensions.HomePath);
    }
}
