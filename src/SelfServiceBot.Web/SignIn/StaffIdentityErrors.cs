using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace SelfServiceBot.Web.SignIn;

/// <summary>Identity's messages a staff member can meet on the change-password page, in Simplified Chinese when the page is.</summary>
internal sealed class StaffIdentityErrors : IdentityErrorDescriber
{
    private static bool Chinese => StaffCultures.IsChinese;

    public override IdentityError PasswordMismatch() =>
        Chinese ? new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确。" } : base.PasswordMismatch();

    public override IdentityError PasswordTooShort(int length) =>
        Chinese ? new() { Code = nameof(PasswordTooShort), Description = string.Format(CultureInfo.InvariantCulture, "密码至少需要 {0} 个字符。", length) } : base.PasswordTooShort(length);

    public override IdentityError PasswordRequiresDigit() =>
        Chinese ? new() { Code = nameof(PasswordRequiresDigit), Description = "密码需要至少一个数字（0-9）。" } : base.PasswordRequiresDigit();

    public override IdentityError PasswordRequiresLower() =>
        Chinese ? new() { Code = nameof(PasswordRequiresLower), Description = "密码需要至少一个小写字母（a-z）。" } : base.PasswordRequiresLower();

    public override IdentityError PasswordRequiresUpper() =>
        Chinese ? new() { Code = nameof(PasswordRequiresUpper), Description = "密码需要至少一个大写字母（A-Z）。" } : base.PasswordRequiresUpper();

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Chinese ? new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码需要至少一个符号（如 - _ . ! #）。" } : base.PasswordRequiresNonAlphanumeric();
}
