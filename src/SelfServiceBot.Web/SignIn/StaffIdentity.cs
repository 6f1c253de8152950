using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Web.SignIn;

/// <summary>Identity's user and role stores on <see cref="BotDbContext"/>; shared by the web host and the <c>users</c> CLI verbs.</summary>
public static class StaffIdentity
{
    /// <summary>Set on a principal whose password is a one-time password that must be replaced before anything else.</summary>
    public const string MustChangePasswordClaim = "ssb:must_change_password";
    public const string DisplayNameClaim = "ssb:display_name";

    public static IdentityBuilder AddStaffIdentityCore(this IServiceCollection services)
    {
        // Identity's EF stores take the context from the request scope; ours come from the pooled factory.
        services.TryAddScoped<BotDbContext>(sp => sp.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext());
        services.AddScoped<StaffAccounts>();
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddIdentityCore<StaffUser>(ConfigureDefaults)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BotDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddErrorDescriber<StaffIdentityErrors>();
        // After the defaults, so configuration wins (Identity:Lockout:MaxFailedAccessAttempts, ...).
        services.AddOptions<IdentityOptions>().BindConfiguration(StaffSignInOptions.SectionName);
        services.AddOptions<StaffSignInOptions>().BindConfiguration(StaffSignInOptions.SectionName);
        return builder;
    }

    private static void ConfigureDefaults(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 10;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Adds the display name and the must-change-password flag to the sign-in cookie.</summary>
    private sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName ?? user.Email ?? user.UserName ?? ""));
            if (user.MustChangePassword)
            {
                identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
            }
            return identity;
        }
    }
}
