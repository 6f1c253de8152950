using SelfServiceBot.Data;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Cli;

/// <summary>
/// <c>users add --email E --role R [--name N] [--password-stdin]</c> and <c>users reset-password --email E</c>, against the
/// database the server uses (same appsettings.json and environment variables). Without --password-stdin a one-time
/// password is printed once, and its owner must choose their own at the first sign-in.
/// </summary>
internal static class UsersCommand
{
    public const string Usage = """
          SelfServiceBot.Web users add --email E --role R [--name N] [--password-stdin]
                                             add a staff user (roles: Agent, Supervisor, Manager, Admin; several as R1,R2);
                                             prints a one-time password unless the password comes on standard input
          SelfServiceBot.Web users reset-password --email E
                                             print a new one-time password, unlock the account, sign it out everywhere
          SelfServiceBot.Web users bootstrap-password
                                             print a fresh one-time password for the first administrator (Identity:BootstrapAdminEmail),
                                             creating it on an empty database; refused once it has chosen its own password
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.FirstOrDefault();
        var options = ParseOptions(args.Skip(1).ToArray(), out var parseError);
        if (verb == "bootstrap-password" && parseError is null)
        {
            return await WithAccountsAsync(BootstrapAsync);
        }
        if (verb is not ("add" or "reset-password") || parseError is not null || options.GetValueOrDefault("email") is not { Length: > 0 } email)
        {
            Console.Error.WriteLine(parseError ?? (verb is "add" or "reset-password" ? "--email is required." : $"unknown 'users' command '{verb}'."));
            Console.Error.WriteLine("usage:\n" + Usage);
            return 2;
        }

        return await WithAccountsAsync(accounts => verb == "add" ? AddAsync(accounts, email, options) : ResetAsync(accounts, email));
    }

    private static async Task<int> WithAccountsAsync(Func<StaffAccounts, Task<int>> run)
    {
        await using var services = BuildServices();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<StaffAccounts>());
    }

    private static async Task<int> BootstrapAsync(StaffAccounts accounts)
    {
        var (outcome, password) = await accounts.BootstrapPasswordAsync();
        return Report(outcome.Succeeded, outcome.Error,
            $"One-time password for {outcome.User?.Email} (shown once, valid for a limited time; a new one is chosen at the first sign-in at /account/sign-in):\n{password}");
    }

    private static async Task<int> AddAsync(StaffAccounts accounts, string email, Dictionary<string, string?> options)
    {
        var requested = (options.GetValueOrDefault("role") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var roles = requested.Select(StaffRoles.Parse).ToList();
        if (requested.Length == 0 || roles.Any(r => r is null))
        {
            Console.Error.WriteLine($"--role must be one or more of {string.Join(", ", StaffRoles.All)} (got '{options.GetValueOrDefault("role")}').");
            return 2;
        }
        var name = options.GetValueOrDefault("name");
        if (options.ContainsKey("password-stdin"))
        {
            var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("--password-stdin: no password on standard input.");
                return 2;
            }
            var created = await accounts.CreateAsync(email, roles!, password, mustChangePassword: false, name);
            return Report(created.Succeeded, created.Error, $"Added {email} ({string.Join(", ", roles)}).");
        }
        var (outcome, oneTime) = await accounts.CreateWithOneTimePasswordAsync(email, roles!, name);
        return Report(outcome.Succeeded, outcome.Error,
            $"Added {email} ({string.Join(", ", roles)}). One-time password (shown once; a new one is chosen at the first sign-in):\n{oneTime}");
    }

    private static async Task<int> ResetAsync(StaffAccounts accounts, string email)
    {
        var (outcome, password) = await accounts.ResetPasswordAsync(email);
        return Report(outcome.Succeeded, outcome.Error,
            $"New one-time password for {email} (shown once; the account is unlocked and signed out everywhere):\n{password}");
    }

    private static int Report(bool succeeded, string? error, string success)
    {
        if (!succeeded)
        {
            Console.Error.WriteLine(error);
            return 1;
        }
        Console.WriteLine(success);
        return 0;
    }

    private static ServiceProvider BuildServices()
    {
        var builder = CliHost.CreateBuilder();
        builder.Logging.AddStandardErrorLog();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddBotDatabase();
        services.AddStaffIdentityCore();
        return services.BuildServiceProvider();
    }

    /// <summary>"--name value" pairs; a flag without a value (--password-stdin) maps to null.</summary>
    private static Dictionary<string, string?> ParseOptions(string[] args, out string? error)
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected '{args[i]}'.";
                return options;
            }
            var name = args[i][2..];
            if (name == "password-stdin")
            {
                options[name] = null;
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = args[++i];
            }
            else
            {
                error = $"--{name} needs a value.";
                return options;
            }
        }
        return options;
    }
}
