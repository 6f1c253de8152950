using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Web.SignIn;

/// <summary>Creating staff users and resetting passwords: what the first run and the <c>users</c> CLI verbs do.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<StaffSignInOptions> options, TimeProvider clock)
{
    /// <summary>A user claim (AspNetUserClaims) holding when the current one-time password stops working (round-trip "O" format).</summary>
    public const string OneTimePasswordExpiresClaim = "ssb:one_time_password_expires";

    public sealed record Outcome(bool Succeeded, string? Error, StaffUser? User = null);

    /// <summary>Creates the roles that are missing. Two instances starting together may race: the loser's insert fails harmlessly.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }
            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            catch (DbUpdateException ex)
            {
                // The context still holds the refused insert; left there, it would be tried again (and fail again) with the
                // next role's insert, and the start would crash on a race it had just won.
                foreach (var entry in ex.Entries)
                {
                    entry.State = EntityState.Detached;
                }
                if (!await roles.RoleExistsAsync(role))
                {
                    throw;
                }
            }
        }
    }

    public Task<bool> AnyUserAsync() => users.Users.AnyAsync();

    /// <param name="mustChangePassword">True for a one-time password the user replaces at the first sign-in.</param>
    public async Task<Outcome> CreateAsync(string email, IReadOnlyList<string> roleNames, string password, bool mustChangePassword, string? displayName = null)
    {
        await EnsureRolesAsync();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            MustChangePassword = mustChangePassword,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new Outcome(false, Describe(created));
        }
        var added = await users.AddToRolesAsync(user, roleNames);
        return added.Succeeded ? new Outcome(true, null, user) : new Outcome(false, Describe(added), user);
    }

    /// <summary>Sets a new one-time password, ends the lockout and signs the user out everywhere (new security stamp).</summary>
    public async Task<(Outcome Outcome, string? Password)> ResetPasswordAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return (new Outcome(false, $"There is no user with the e-mail {email}."), null);
        }
        var password = OneTimePasswords.Next();
        // Both calls renew the security stamp, which ends the user's sessions elsewhere.
        var removed = await users.RemovePasswordAsync(user);
        var reset = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
        if (!reset.Succeeded)
        {
            return (new Outcome(false, Describe(reset), user), null);
        }
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await SetOneTimeExpiryAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return (new Outcome(true, null, user), password);
    }

    /// <summary>Creates a user with a one-time password; returns it so the caller can show it exactly once.</summary>
    public async Task<(Outcome Outcome, string? Password)> CreateWithOneTimePasswordAsync(string email, IReadOnlyList<string> roleNames, string? displayName = null)
    {
        var password = OneTimePasswords.Next();
        var outcome = await CreateAsync(email, roleNames, password, mustChangePassword: true, displayName);
        if (outcome.Succeeded)
        {
            await SetOneTimeExpiryAsync(outcome.User!);
        }
        return (outcome, outcome.Succeeded ? password : null);
    }

    /// <summary>
    /// A fresh one-time password for the first administrator (<see cref="StaffSignInOptions.BootstrapAdminEmail"/>), creating
    /// it when there is no staff user yet; refused once that administrator has chosen a password (then: reset-password).
    /// </summary>
    public async Task<(Outcome Outcome, string? Password)> BootstrapPasswordAsync()
    {
        var email = options.Value.BootstrapAdminEmail;
        if (!await AnyUserAsync())
        {
            return await CreateWithOneTimePasswordAsync(email, [StaffRoles.Admin], "Administrator");
        }
        var admin = await users.FindByEmailAsync(email);
        if (admin is not { MustChangePassword: true })
        {
            return (new Outcome(false, admin is null
                ? $"Staff users exist but none has the e-mail {email} (Identity:BootstrapAdminEmail): ask an administrator for 'users reset-password'."
                : $"{email} has already chosen a password. To replace it use: users reset-password --email {email}"), null);
        }
        return await ResetPasswordAsync(email);
    }

    /// <summary>Whether <paramref name="user"/> signs in with a one-time password that has expired (and must get a new one).</summary>
    public async Task<bool> OneTimePasswordExpiredAsync(StaffUser user)
    {
        if (!user.MustChangePassword)
        {
            return false;
        }
        var expires = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == OneTimePasswordExpiresClaim)?.Value;
        return expires is not null
            && DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && clock.GetUtcNow() >= at;
    }

    private async Task SetOneTimeExpiryAsync(StaffUser user)
    {
        foreach (var old in (await users.GetClaimsAsync(user)).Where(c => c.Type == OneTimePasswordExpiresClaim).ToList())
        {
            await users.RemoveClaimAsync(user, old);
        }
        var expires = clock.GetUtcNow() + options.Value.OneTimePasswordLifetime;
        await users.AddClaimAsync(user, new Claim(OneTimePasswordExpiresClaim, expires.ToString("O", CultureInfo.InvariantCulture)));
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
