using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// The first run: when no staff user exists, creates an administrator with a random one-time password and logs how to
/// get it. The password itself never goes to the log (logs are shipped, kept and read by many): whoever can run the
/// executable against the database gets a fresh one with <c>users bootstrap-password</c>; it expires
/// (<see cref="StaffSignInOptions.OneTimePasswordLifetime"/>) and must be replaced at the first sign-in.
/// Runs after the migrations (they run in the host's starting phase).
/// </summary>
internal sealed class AdminBootstrap(IServiceScopeFactory scopes, IOptions<StaffSignInOptions> options, ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        await accounts.EnsureRolesAsync();
        if (await accounts.AnyUserAsync())
        {
            return;
        }
        var email = options.Value.BootstrapAdminEmail;
        try
        {
            var (outcome, _) = await accounts.CreateWithOneTimePasswordAsync(email, [StaffRoles.Admin], "Administrator");
            if (!outcome.Succeeded)
            {
                logger.LogError("Could not create the first administrator {Email}: {Error}", email, outcome.Error);
                return;
            }
            logger.LogWarning(
                "No staff user existed, so an administrator {Email} was created. Get its one-time password with: SelfServiceBot.Web users bootstrap-password " +
                "(valid {Hours} h; you choose your own at the first sign-in at /account/sign-in). Add colleagues with: SelfServiceBot.Web users add --email E --role Agent",
                email, options.Value.OneTimePasswordLifetime.TotalHours);
        }
        catch (DbUpdateException)
        {
            // Another instance sharing the database created it first.
            logger.LogInformation("The first administrator was created by another instance");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
