using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Pages.Account;

/// <summary>Signing out is a POST with an anti-forgery token (a link or image elsewhere cannot sign anyone out); GET only shows the result.</summary>
public sealed class SignOutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(SignInExtensions.SignOutPath);
    }
}
