using System.Globalization;
using System.Text.Json;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff;
using SelfServiceBot.Handoff.Agents;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.Web.AgentProfiles;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.Cli;

/// <summary>
/// <c>agents list [--json]</c> and <c>agents set EMAIL [--skills a,b] [--languages en,zh-CN] [--capacity N]</c>, against the
/// database the server uses. Same checks as the profiles page (<see cref="AgentProfileEditor"/>). Exit 0 done, 1 refused
/// (no such agent), 2 usage or invalid values.
/// </summary>
internal static class AgentsCommand
{
    public const string Usage = """
          SelfServiceBot.Web agents list [--json]
                                             agents (staff with the Agent, Supervisor or Admin role): status, chats / capacity, skills, languages
          SelfServiceBot.Web agents set EMAIL [--skills S1,S2] [--languages en,zh-CN] [--capacity N]
                                             change what an agent can take (skills: knowledge base categories or *; capacity 1-20);
                                             options left out keep their value
        """;

    private static readonly string[] SetOptions = ["skills", "languages", "capacity"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var verb = args.FirstOrDefault();
            var options = new CliArguments(args.Skip(1), "json");
            return verb switch
            {
                "list" => await ListAsync(options),
                "set" => await SetAsync(options),
                _ => throw new CliUsageException(verb is null ? "agents needs one of: list, set." : $"unknown 'agents' command '{verb}'; use list or set."),
            };
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage:\n" + Usage);
            return 2;
        }
    }

    private static async Task<int> ListAsync(CliArguments options)
    {
        await using var services = await BuildServicesAsync();
        var agents = await services.GetRequiredService<AgentRoster>().ListAsync(CancellationToken.None);
        if (options.Has("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(agents.Select(a => new
            {
                email = a.Email, name = a.DisplayName, roles = a.Roles, presence = a.Presence, load = a.Load,
                capacity = a.Profile.Capacity, skills = a.Profile.Skills, languages = a.Profile.Languages,
            })));
            return 0;
        }
        if (agents.Count == 0)
        {
            Console.WriteLine("No staff user has the Agent, Supervisor or Admin role yet (add one: SelfServiceBot.Web users add --email E --role Agent).");
            return 0;
        }
        var rows = agents.Select(a => new[]
        {
            a.Email ?? a.UserId, a.DisplayName, a.Presence, $"{a.Load}/{a.Profile.Capacity}",
            string.Join(',', a.Profile.Skills), string.Join(',', a.Profile.Languages),
        }).Prepend(["EMAIL", "NAME", "STATUS", "CHATS", "SKILLS", "LANGUAGES"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(i => rows.Max(r => r[i].Length)).ToList();
        foreach (var row in rows)
        {
            Console.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
        return 0;
    }

    private static async Task<int> SetAsync(CliArguments options)
    {
        if (options.Positional is not [var email])
        {
            throw new CliUsageException(options.Positional.Count == 0 ? "agents set needs the agent's e-mail." : $"agents set takes one e-mail, not '{string.Join(' ', options.Positional)}'.");
        }
        if (!SetOptions.Any(options.Has))
        {
            throw new CliUsageException("Nothing to change: give --skills, --languages and/or --capacity.");
        }
        foreach (var name in SetOptions.Where(n => options.Has(n) && options.Get(n) is null))
        {
            throw new CliUsageException($"--{name} needs a value.");
        }

        await using var services = await BuildServicesAsync();
        var roster = services.GetRequiredService<AgentRoster>();
        var agent = await roster.FindAsync(email, CancellationToken.None);
        if (agent is null)
        {
            var roles = await roster.RolesOfAsync(email, CancellationToken.None);
            await Console.Error.WriteLineAsync(roles is null
                ? $"There is no staff user with the e-mail {email}."
                : $"{email} is not an agent: their roles ({(roles.Count == 0 ? "none" : string.Join(", ", roles))}) include none of " +
                  $"{string.Join(", ", StaffPolicies.Roles[StaffPolicies.Agents])}.");
            return 1;
        }
        var skills = options.Has("skills") ? AgentProfile.ParseList(options.Get("skills")) : agent.Profile.Skills;
        var languages = options.Has("languages") ? AgentProfile.ParseList(options.Get("languages")) : agent.Profile.Languages;
        var capacity = options.Get("capacity") ?? agent.Profile.Capacity.ToString(CultureInfo.InvariantCulture);
        var errors = await services.GetRequiredService<AgentProfileEditor>().SaveAsync(agent, skills, languages, capacity, CancellationToken.None);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(AgentProfileTexts.English.Describe(error));
            }
            if (errors.Any(e => e.Field == AgentProfileField.Skills))
            {
                var known = await services.GetRequiredService<SkillCatalog>().SkillsAsync(CancellationToken.None);
                await Console.Error.WriteLineAsync($"Skills: {string.Join(", ", known)}");
            }
            await Console.Error.WriteLineAsync("Nothing was changed.");
            return 2;
        }
        var saved = (await roster.FindAsync(agent.UserId, CancellationToken.None))!;
        Console.WriteLine($"Updated {saved.Email}: skills {string.Join(',', saved.Profile.Skills)}; languages {string.Join(',', saved.Profile.Languages)}; " +
                          $"capacity {saved.Profile.Capacity}.");
        Console.WriteLine("The running server assigns waiting chats this agent can now take at its next sweep (Handoff:Presence:HeartbeatSeconds).");
        return 0;
    }

    private static async Task<ServiceProvider> BuildServicesAsync()
    {
        var builder = CliHost.CreateBuilder();
        builder.Logging.AddStandardErrorLog();
        var services = builder.Services;
        services.AddBotDatabase();
        services.AddConversationData();
        services.AddHandoff();
        // The command only writes the profile; assigning chats (telling the customer, updating consoles) is the running
        // server's job, which picks the change up on its next sweep.
        services.PostConfigure<HandoffOptions>(o => o.AutoAssign = false);
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName);
        services.AddSingleton<KnowledgeBaseLocator>();
        services.AddSingleton<IKnowledgeCategories, FolderKnowledgeCategories>();
        services.AddAgentProfileServices();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return provider;
    }
}
