using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// The first run: when no staff user exists, creates an administrator with a random one-time password and logs
/// how to sign in. The repository holds no default password; the administrator must choose one at the first sign-in.
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
            var (outcome, password) = await accounts.CreateWithOneTimePasswordAsync(email, [StaffRoles.Admin], "Administrator");
            if (!outcome.Succeeded)
            {
                logger.LogError("Could not create the first administrator {Email}: {Error}", email, outcome.Error);
                return;
            }
            logger.LogWarning(
                "No staff user existed, so an administrator was created. Sign in at /account/sign-in with e-mail {Email} and the " +
                "one-time password {Password} (you will choose your own at once). Add colleagues with: SelfServiceBot.Web users add --email E --role Agent",
                email, password);
        }
        catch (DbUpdateException)
        {
            // Another instance sharing the database created it first; that instance logged the password.
            logger.LogInformation("The first administrator was created by another instance");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
