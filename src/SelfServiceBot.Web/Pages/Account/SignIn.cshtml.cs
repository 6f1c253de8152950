using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Pages.Account;

public sealed class SignInModel(SignInManager<StaffUser> signIn, StaffAccounts accounts, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var t = StaffTexts.For(HttpContext.RequestUiCulture());
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = t.SignInMissing;
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        // The same answer for an unknown e-mail and a wrong password: the page does not tell who has an account.
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded && await accounts.OneTimePasswordExpiredAsync(user!))
        {
            // The right one-time password, too late: a password that sat unused (in a mail, a ticket) must not open the account.
            await signIn.SignOutAsync();
            logger.LogWarning("Sign-in refused: the one-time password of staff user {UserId} has expired", user!.Id);
            Error = t.OneTimePasswordExpired;
            Password = null;
            return Page();
        }
        if (result.Succeeded)
        {
            logger.LogInformation("Staff user {UserId} signed in", user!.Id);
            var next = StaffCultures.IsLocal(ReturnUrl) ? ReturnUrl! : SignInExtensions.HomePath;
            return LocalRedirect(user.MustChangePassword
                ? $"{SignInExtensions.ChangePasswordPath}?returnUrl={Uri.EscapeDataString(next)}"
                : next);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: staff user {UserId} is locked out", user?.Id);
            Error = t.LockedOut;
        }
        else
        {
            Error = t.SignInFailed;
        }
        Password = null;
        return Page();
    }
}
