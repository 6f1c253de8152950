namespace SelfServiceBot.Web.SignIn;

/// <summary>What the sign-in and staff pages say, in English and Simplified Chinese.</summary>
public sealed record StaffTexts
{
    public required string ProductName { get; init; }
    public required string SignInTitle { get; init; }
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string SignInButton { get; init; }
    public required string SignInFailed { get; init; }
    public required string SignInMissing { get; init; }
    public required string LockedOut { get; init; }
    public required string OneTimePasswordExpired { get; init; }
    public required string SignOutButton { get; init; }
    public required string SignedOutTitle { get; init; }
    public required string SignedOutText { get; init; }
    public required string SignInAgain { get; init; }
    public required string ChangePasswordTitle { get; init; }
    public required string ChangePasswordIntro { get; init; }
    public required string CurrentPassword { get; init; }
    public required string NewPassword { get; init; }
    public required string ConfirmPassword { get; init; }
    public required string PasswordsDiffer { get; init; }
    public required string SaveButton { get; init; }
    public required string StaffHomeTitle { get; init; }
    public required string SignedInAs { get; init; }
    public required string YourPages { get; init; }
    public required string NoPages { get; init; }
    public required string UsersTitle { get; init; }
    public required string Roles { get; init; }
    public required string Status { get; init; }
    public required string Active { get; init; }
    public required string Locked { get; init; }
    public required string MustChangePassword { get; init; }
    public required string UsersCliHint { get; init; }
    public required string ForbiddenTitle { get; init; }
    public required string ForbiddenText { get; init; }
    public required string BackToStaffHome { get; init; }
    public required string Language { get; init; }

    /// <summary>Each <see cref="StaffRoles"/> role as the pages show it; the role's own name stays what the CLI and the database use.</summary>
    public required IReadOnlyDictionary<string, string> RoleNames { get; init; }

    /// <summary>Roles for a page, in this language, comma-separated.</summary>
    public string RoleList(IEnumerable<string> roles) => string.Join(", ", roles.Select(r => RoleNames.GetValueOrDefault(r, r)));

    public static StaffTexts Current => StaffCultures.IsChinese ? Chinese : English;

    public static readonly StaffTexts English = new()
    {
        ProductName = "SelfServiceBot staff",
        SignInTitle = "Sign in",
        Email = "E-mail",
        Password = "Password",
        SignInButton = "Sign in",
        SignInFailed = "The e-mail or password is not correct.",
        SignInMissing = "Enter your e-mail and password.",
        LockedOut = "Too many failed attempts: this account is locked for a while. Try again later or ask an administrator to reset your password.",
        OneTimePasswordExpired = "This one-time password has expired. Ask an administrator for a new one (users reset-password; for the first administrator: users bootstrap-password).",
        SignOutButton = "Sign out",
        SignedOutTitle = "Signed out",
        SignedOutText = "You have signed out.",
        SignInAgain = "Sign in again",
        ChangePasswordTitle = "Choose a new password",
        ChangePasswordIntro = "You signed in with a one-time password. Choose your own password to continue.",
        CurrentPassword = "Current password",
        NewPassword = "New password",
        ConfirmPassword = "New password again",
        PasswordsDiffer = "The two new passwords are not the same.",
        SaveButton = "Save",
        StaffHomeTitle = "Staff home",
        SignedInAs = "Signed in as",
        YourPages = "Your pages",
        NoPages = "Your roles give you no pages yet. Ask an administrator.",
        UsersTitle = "Users",
        Roles = "Roles",
        Status = "Status",
        Active = "active",
        Locked = "locked",
        MustChangePassword = "must choose a password",
        UsersCliHint = "Add users and reset passwords on the server: SelfServiceBot.Web users add --email E --role Agent, SelfServiceBot.Web users reset-password --email E",
        ForbiddenTitle = "No access",
        ForbiddenText = "You are signed in, but your role does not allow this page.",
        BackToStaffHome = "Back to the staff home",
        Language = "Language",
        RoleNames = new Dictionary<string, string>
        {
            [StaffRoles.Agent] = "Agent", [StaffRoles.Supervisor] = "Supervisor", [StaffRoles.Manager] = "Manager", [StaffRoles.Admin] = "Admin",
        },
    };

    public static readonly StaffTexts Chinese = new()
    {
        ProductName = "SelfServiceBot 员工",
        SignInTitle = "登录",
        Email = "电子邮箱",
        Password = "密码",
        SignInButton = "登录",
        SignInFailed = "电子邮箱或密码不正确。",
        SignInMissing = "请输入电子邮箱和密码。",
        LockedOut = "失败次数过多，此账户已被暂时锁定。请稍后再试，或请管理员重置密码。",
        OneTimePasswordExpired = "此一次性密码已过期。请管理员重新生成（users reset-password；首个管理员请用 users bootstrap-password）。",
        SignOutButton = "退出登录",
        SignedOutTitle = "已退出",
        SignedOutText = "您已退出登录。",
        SignInAgain = "重新登录",
        ChangePasswordTitle = "设置新密码",
        ChangePasswordIntro = "您使用一次性密码登录。请设置您自己的密码后继续。",
        CurrentPassword = "当前密码",
        NewPassword = "新密码",
        ConfirmPassword = "再次输入新密码",
        PasswordsDiffer = "两次输入的新密码不一致。",
        SaveButton = "保存",
        StaffHomeTitle = "员工首页",
        SignedInAs = "当前用户",
        YourPages = "您可以使用的页面",
        NoPages = "您的角色暂时没有可用页面，请联系管理员。",
        UsersTitle = "用户",
        Roles = "角色",
        Status = "状态",
        Active = "正常",
        Locked = "已锁定",
        MustChangePassword = "需设置密码",
        UsersCliHint = "在服务器上添加用户和重置密码：SelfServiceBot.Web users add --email E --role Agent，SelfServiceBot.Web users reset-password --email E",
        ForbiddenTitle = "无权访问",
        ForbiddenText = "您已登录，但您的角色无权打开此页面。",
        BackToStaffHome = "返回员工首页",
        Language = "语言",
        RoleNames = new Dictionary<string, string>
        {
            [StaffRoles.Agent] = "客服", [StaffRoles.Supervisor] = "主管", [StaffRoles.Manager] = "经理", [StaffRoles.Admin] = "管理员",
        },
    };
}
