using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

/// <summary>The <c>users</c> CLI verbs, run as the real executable against a database the app then serves.</summary>
public class UsersCommandTests
{
    [Fact]
    public async Task Users_add_with_a_password_on_stdin_creates_an_agent_who_can_sign_in()
    {
        using var folder = new TempFolder();
        var (code, output) = await RunCliAsync(folder, "Agent-passw0rd\n", "users", "add", "--email", "cli@example.com", "--role", "agent", "--password-stdin");
        using var app = new AppServer(folder.DatabaseSettings);
        using var client = new StaffClient(app);

        var signIn = await client.SignInAsync("cli@example.com", "Agent-passw0rd");

        Assert.True(code == 0, output);
        Assert.Contains("Added cli@example.com (Agent)", output);
        Assert.Equal("/staff", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Users_reset_password_prints_a_one_time_password_that_must_be_replaced()
    {
        using var folder = new TempFolder();
        await RunCliAsync(folder, "Agent-passw0rd\n", "users", "add", "--email", "cli@example.com", "--role", "Agent,Supervisor", "--password-stdin");
        var (code, output) = await RunCliAsync(folder, "", "users", "reset-password", "--email", "cli@example.com");
        var oneTime = output.Trim().Split('\n')[^1].Trim();
        using var app = new AppServer(folder.DatabaseSettings);
        using var client = new StaffClient(app);

        var old = await client.SignInAsync("cli@example.com", "Agent-passw0rd");
        var fresh = await client.SignInAsync("cli@example.com", oneTime);

        Assert.True(code == 0, output);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.StartsWith("/account/change-password", fresh.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("users add --email x@example.com --role Janitor", "--role must be one or more of Agent, Supervisor, Manager, Admin")]
    [InlineData("users add --role Agent", "--email is required.")]
    [InlineData("users remove --email x@example.com", "unknown 'users' command 'remove'")]
    [InlineData("users reset-password --email nobody@example.com", "There is no user with the e-mail nobody@example.com.")]
    public async Task Bad_input_gets_a_clear_error_and_a_non_zero_exit(string arguments, string error)
    {
        using var folder = new TempFolder();

        var (code, output) = await RunCliAsync(folder, "", arguments.Split(' '));

        Assert.NotEqual(0, code);
        Assert.Contains(error, output);
    }

    [Fact]
    public async Task On_a_fresh_database_stdout_holds_only_the_answer_and_no_log_lines()
    {
        // The verb migrates the new database first; the server's settings log that at Information, which is not the verb's output.
        using var folder = new TempFolder();

        var add = await RunCliSeparatelyAsync(folder, "Agent-passw0rd\n", "users", "add", "--email", "cli@example.com", "--role", "agent", "--password-stdin");
        var reset = await RunCliSeparatelyAsync(folder, "", "users", "reset-password", "--email", "cli@example.com");

        Assert.True(add.ExitCode == 0, add.Stdout + add.Stderr);
        Assert.Equal("Added cli@example.com (Agent).", add.Stdout.Trim());
        Assert.Equal("", add.Stderr);
        Assert.True(reset.ExitCode == 0, reset.Stdout + reset.Stderr);
        Assert.DoesNotContain("info:", reset.Stdout);
    }

    [Fact]
    public async Task Run_from_another_folder_users_add_writes_to_the_database_the_servers_settings_name()
    {
        // The server's content root holds appsettings.json naming the database by a path relative to that root (as the
        // shipped one does); the operator's shell is somewhere else.
        using var contentRoot = new TempFolder();
        using var elsewhere = new TempFolder();
        File.WriteAllText(System.IO.Path.Combine(contentRoot.Path, "appsettings.json"),
            JsonSerializer.Serialize(new { ConnectionStrings = new { SelfServiceBot = "Data Source=bot.db" } }));

        var (code, output) = await RunCliInAsync(elsewhere.Path, "Agent-passw0rd\n", new() { ["ASPNETCORE_CONTENTROOT"] = contentRoot.Path },
            "users", "add", "--email", "cli@example.com", "--role", "agent", "--password-stdin");
        using var app = new AppServer(contentRoot.DatabaseSettings);
        using var client = new StaffClient(app);

        Assert.True(code == 0, output);
        Assert.Equal("/staff", (await client.SignInAsync("cli@example.com", "Agent-passw0rd")).Headers.Location!.OriginalString);
        Assert.Empty(Directory.GetFiles(elsewhere.Path, "*.db", SearchOption.AllDirectories));
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(TempFolder folder, string stdin, params string[] args)
    {
        var run = await RunCliSeparatelyAsync(folder, stdin, args);
        return (run.ExitCode, run.Stdout + run.Stderr);
    }

    private static Task<CliRun> RunCliSeparatelyAsync(TempFolder folder, string stdin, params string[] args) =>
        RunCliInAsync(folder.Path, stdin, new() { ["ConnectionStrings__SelfServiceBot"] = folder.ConnectionString }, args);

    internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
    {
        public void Deconstruct(out int exitCode, out string output) => (exitCode, output) = (ExitCode, Stdout + Stderr);
    }

    internal static async Task<CliRun> RunCliInAsync(string workingDirectory, string stdin, Dictionary<string, string> environment,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "SelfServiceBot.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ssb-tests", "cli-" + Guid.NewGuid().ToString("N"));

        public TempFolder() => Directory.CreateDirectory(Path);

        public string ConnectionString => $"Data Source={System.IO.Path.Combine(Path, "bot.db")}";

        public Dictionary<string, string?> DatabaseSettings => new() { ["ConnectionStrings:SelfServiceBot"] = ConnectionString };

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
