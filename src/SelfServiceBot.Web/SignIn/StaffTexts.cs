using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.Web.SignIn;

/// <summary>What the sign-in and staff pages say, per language (StaffTexts.resx, StaffTexts.zh-CN.resx).</summary>
public sealed class StaffTexts : TextTable<StaffTexts>
{
    public string ProductName => Text();
    public string SignInTitle => Text();
    public string Email => Text();
    public string Password => Text();
    public string SignInButton => Text();
    public string SignInFailed => Text();
    public string SignInMissing => Text();
    public string LockedOut => Text();
    public string OneTimePasswordExpired => Text();
    public string SignOutButton => Text();
    public string SignedOutTitle => Text();
    public string SignedOutText => Text();
    public string SignInAgain => Text();
    public string ChangePasswordTitle => Text();
    public string ChangePasswordIntro => Text();
    public string CurrentPassword => Text();
    public string NewPassword => Text();
    public string ConfirmPassword => Text();
    public string PasswordsDiffer => Text();
    public string SaveButton => Text();
    public string StaffHomeTitle => Text();
    public string SignedInAs => Text();
    public string YourPages => Text();
    public string NoPages => Text();
    public string UsersTitle => Text();
    public string Roles => Text();
    public string Status => Text();
    public string Active => Text();
    public string Locked => Text();
    public string MustChangePassword => Text();
    public string UsersCliHint => Text();
    public string ForbiddenTitle => Text();
    public string ForbiddenText => Text();
    public string BackToStaffHome => Text();
    public string Language => Text();

    /// <summary>Each <see cref="StaffRoles"/> role as the pages show it (RoleNames.Agent...); the role's own name stays what the CLI and the database use.</summary>
    public IReadOnlyDictionary<string, string> RoleNames => Names();

    /// <summary>Roles for a page, in this language, comma-separated.</summary>
    public string RoleList(IEnumerable<string> roles) => string.Join(", ", roles.Select(r => RoleNames.GetValueOrDefault(r, r)));
}
