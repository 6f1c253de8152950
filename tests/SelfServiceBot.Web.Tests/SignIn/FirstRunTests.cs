using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

/// <summary>The first run creates an administrator; its one-time password comes from the CLI, never the log, expires, and must be replaced.</summary>
public class FirstRunTests
{
    [Fact]
    public async Task The_first_run_logs_no_password_and_users_bootstrap_password_prints_one_that_must_be_replaced()
    {
        var logs = new CapturingLoggerProvider();
        using var app = new AppServer(
            new Dictionary<string, string?> { ["Identity:BootstrapAdminEmail"] = "boss@example.com" },
            s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = new StaffClient(app);
        var hint = Assert.Single(logs.Messages, m => m.Contains("one-time password"));
        var cli = new Dictionary<string, string> { ["ConnectionStrings__SelfServiceBot"] = $"Data Source={Path.Combine(app.DataDirectory, "bot.db")}",
            ["Identity__BootstrapAdminEmail"] = "boss@example.com" };
        var printed = await UsersCommandTests.RunCliInAsync(app.DataDirectory, "", cli, "users", "bootstrap-password");
        var password = printed.Stdout.Trim().Split('\n')[^1].Trim();

        var signIn = await client.SignInAsync("boss@example.com", password, returnUrl: "/admin/users");
        var blocked = await client.GetAsync("/admin/users");
        var changed = await client.PostFormAsync("/account/change-password?returnUrl=%2Fadmin%2Fusers", new Dictionary<string, string>
        {
            ["currentPassword"] = password, ["newPassword"] = "My-own-passw0rd", ["confirmPassword"] = "My-own-passw0rd", ["returnUrl"] = "/admin/users",
        });
        var users = await client.GetAsync("/admin/users");
        var again = await UsersCommandTests.RunCliInAsync(app.DataDirectory, "", cli, "users", "bootstrap-password");

        Assert.Contains("users bootstrap-password", hint);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
        Assert.True(printed.ExitCode == 0, printed.Stdout + printed.Stderr);
        Assert.Equal(20, password.Length);
        Assert.StartsWith("/account/change-password", signIn.Headers.Location!.OriginalString);
        Assert.StartsWith("/account/change-password", blocked.Headers.Location!.OriginalString);
        Assert.Equal("/admin/users", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("boss@example.com", await users.Content.ReadAsStringAsync());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("boss@example.com has already chosen a password. To replace it use: users reset-password --email boss@example.com", again.Stderr);
    }

    [Fact]
    public async Task A_one_time_password_stops_working_when_its_lifetime_is_over()
    {
        var clock = new ShiftableClock();
        using var app = new AppServer(new Dictionary<string, string?> { ["Identity:OneTimePasswordLifetime"] = "02:00:00" },
            s => s.AddSingleton<TimeProvider>(clock));
        string early, late;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            early = (await accounts.CreateWithOneTimePasswordAsync("early@example.com", [StaffRoles.Agent])).Password!;
            clock.Advance(TimeSpan.FromMinutes(90));
            late = (await accounts.CreateWithOneTimePasswordAsync("late@example.com", [StaffRoles.Agent])).Password!;
            clock.Advance(TimeSpan.FromMinutes(31));
        }
        using var first = new StaffClient(app);
        using var second = new StaffClient(app);

        var expired = await first.SignInAsync("early@example.com", early);
        var valid = await second.SignInAsync("late@example.com", late);

        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        Assert.Contains("This one-time password has expired.", await expired.Content.ReadAsStringAsync());
        Assert.Contains("/account/sign-in", (await first.GetAsync("/staff")).Headers.Location!.OriginalString);
        Assert.StartsWith("/account/change-password", valid.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_creates_no_second_admin_and_logs_no_password()
    {
        var first = new CapturingLoggerProvider();
        var second = new CapturingLoggerProvider();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ssb-tests", "second-start-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var database = new Dictionary<string, string?> { ["ConnectionStrings:SelfServiceBot"] = $"Data Source={Path.Combine(dataDirectory, "bot.db")}" };
        using (new AppServer(database, s => s.AddSingleton<ILoggerProvider>(first)))
        {
        }
        using var again = new AppServer(database, s => s.AddSingleton<ILoggerProvider>(second));
        await using var scope = again.Services.CreateAsyncScope();
        var userCount = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SelfServiceBot.Data.Entities.StaffUser>>().Users.Count();

        Assert.Single(first.Messages, m => m.Contains("one-time password"));
        Assert.DoesNotContain(second.Messages, m => m.Contains("one-time password"));
        Assert.Equal(1, userCount);
    }

    [Fact]
    public async Task The_change_password_page_refuses_two_different_new_passwords()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", "Correct-horse-9", StaffRoles.Agent);
        using var client = new StaffClient(app);
        await client.SignInAsync("anna@example.com", "Correct-horse-9");

        var response = await client.PostFormAsync("/account/change-password", new Dictionary<string, string>
        {
            ["currentPassword"] = "Correct-horse-9", ["newPassword"] = "New-password-1", ["confirmPassword"] = "New-password-2",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The two new passwords are not the same.", await response.Content.ReadAsStringAsync());
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
