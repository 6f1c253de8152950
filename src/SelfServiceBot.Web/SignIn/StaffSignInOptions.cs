namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// The <c>Identity</c> section. The same section also binds ASP.NET Core's IdentityOptions, so e.g.
/// <c>Identity:Lockout:MaxFailedAccessAttempts</c> and <c>Identity:Password:RequiredLength</c> work as documented there.
/// </summary>
public sealed class StaffSignInOptions
{
    public const string SectionName = "Identity";

    /// <summary>The administrator created on the first run, when there is no staff user at all.</summary>
    public string BootstrapAdminEmail { get; set; } = "admin@localhost";

    /// <summary>How long a one-time password (first administrator, users add, users reset-password) works before a new one is needed.</summary>
    public TimeSpan OneTimePasswordLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
