using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>The <c>agents</c> CLI verbs, run as the real executable against the database a running app uses.</summary>
public class AgentsCommandTests
{
    private const string Password = "Correct-horse-9";

    [Fact]
    public async Task Agents_set_changes_only_the_options_given_and_agents_list_shows_it_like_the_app()
    {
        using var app = new AppServer();
        await CreateAsync(app, "anna@example.com", "Anna", StaffRoles.Agent);
        await CreateAsync(app, "lee@example.com", "Lee", StaffRoles.Supervisor);
        await CreateAsync(app, "mia@example.com", "Mia", StaffRoles.Manager);

        var set = await RunAsync(app, "agents", "set", "ANNA@example.com", "--skills", "orders, payment", "--capacity", "4");
        var list = await RunAsync(app, "agents", "list");
        var json = await RunAsync(app, "agents", "list", "--json");
        Assert.True(set.Exit == 0, set.Stdout + set.Stderr);
        var anna = Assert.Single(await app.Services.GetRequiredService<AgentDirectory>().ListAsync(default)).Agent;

        Assert.StartsWith("Updated anna@example.com: skills orders,payment; languages en,zh-CN; capacity 4.", set.Stdout);
        Assert.Equal(("orders,payment", "en,zh-CN", 4), (anna.Skills, anna.Languages, anna.Capacity));
        // The first run's administrator (admin@localhost) is an agent too; the manager is not.
        var lines = list.Stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Matches(@"^EMAIL\s+NAME\s+STATUS\s+CHATS\s+SKILLS\s+LANGUAGES$", lines[0]);
        Assert.Matches(@"^admin@localhost\s+Administrator\s+offline\s+0/3\s+\*\s+en,zh-CN$", lines[1]);
        Assert.Matches(@"^anna@example\.com\s+Anna\s+offline\s+0/4\s+orders,payment\s+en,zh-CN$", lines[2]);
        Assert.Matches(@"^lee@example\.com\s+Lee\s+offline\s+0/3\s+\*\s+en,zh-CN$", lines[3]);
        using var document = JsonDocument.Parse(json.Stdout);
        var annaJson = document.RootElement.EnumerateArray().Single(a => a.GetProperty("email").GetString() == "anna@example.com");
        Assert.Equal(3, document.RootElement.GetArrayLength());
        Assert.Equal(["orders", "payment"], annaJson.GetProperty("skills").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal((0, 4), (annaJson.GetProperty("load").GetInt32(), annaJson.GetProperty("capacity").GetInt32()));
    }

    [Theory]
    [InlineData("agents set anna@example.com --skills gardening", 2, "'gardening' is not a skill: use a knowledge base category or *.")]
    [InlineData("agents set anna@example.com --skills gardening", 2, "Skills: *, account, general, loyalty, orders")]
    [InlineData("agents set anna@example.com --languages fr", 2, "'fr' is not a supported language: use en or zh-CN.")]
    [InlineData("agents set anna@example.com --capacity 0", 2, "Capacity must be a whole number from 1 to 20 (got '0').")]
    [InlineData("agents set anna@example.com --capacity three", 2, "Capacity must be a whole number from 1 to 20 (got 'three').")]
    [InlineData("agents set anna@example.com --capacity", 2, "--capacity needs a value.")]
    [InlineData("agents set anna@example.com", 2, "Nothing to change: give --skills, --languages and/or --capacity.")]
    [InlineData("agents set --capacity 3", 2, "agents set needs the agent's e-mail.")]
    [InlineData("agents set mia@example.com --capacity 3", 1, "mia@example.com is not an agent: their roles (Manager) include none of Agent, Supervisor, Admin.")]
    [InlineData("agents set nobody@example.com --capacity 3", 1, "There is no staff user with the e-mail nobody@example.com.")]
    [InlineData("agents remove anna@example.com", 2, "unknown 'agents' command 'remove'; use list or set.")]
    public async Task Bad_input_gets_a_clear_error_a_non_zero_exit_and_changes_nothing(string arguments, int exit, string error)
    {
        using var app = new AppServer();
        await CreateAsync(app, "anna@example.com", "Anna", StaffRoles.Agent);
        await CreateAsync(app, "mia@example.com", "Mia", StaffRoles.Manager);

        var result = await RunAsync(app, arguments.Split(' '));
        var agents = await app.Services.GetRequiredService<AgentDirectory>().ListAsync(default);

        Assert.Equal(exit, result.Exit);
        Assert.Contains(error, result.Stderr);
        Assert.Empty(agents);
    }

    private static async Task CreateAsync(AppServer app, string email, string name, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, [role], Password, mustChangePassword: false, name);
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(AppServer app, params string[] args) =>
        AppServerCli.RunAsync(app, null, args);
}
