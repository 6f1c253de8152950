namespace SelfServiceBot.Web.Cli;

/// <summary>
/// The CLI side of the one executable: <c>SelfServiceBot.Web VERB ...</c>. Verbs come from the
/// modules (kb, costs); anything else (no arguments, or "--option" style) starts the web host.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["help", "health", "kb", "costs", "users", "agents", "migrate", "backup", "restore", "privacy", "ai"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args[0])
        {
            case "help":
                Console.WriteLine(Usage);
                return 0;
            case "health":
                return await HealthProbe.RunAsync(args[1..]);
            case "kb":
                return await Kb.KbCommand.RunAsync(args);
            case "users":
                return await UsersCommand.RunAsync(args[1..]);
            case "agents":
                return await AgentsCommand.RunAsync(args[1..]);
            case "costs":
                return await Costs.CostsCommand.RunAsync(args[1..]);
            case "migrate":
                return await Database.MigrateCommand.RunAsync(args[1..]);
            case "privacy":
                return await PrivacyCommand.RunAsync(args[1..]);
            case "ai":
                return await AiCommand.RunAsync(args[1..]);
            case "backup" or "restore":
                return await Database.BackupCommand.RunAsync(args[0], args[1..]);
            default:
                Console.Error.WriteLine($"'{args[0]}' is not available yet.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private const string Usage = """
        usage:
          SelfServiceBot.Web                 serve: chat at /, Bot Framework endpoint at /api/messages, Direct Line at /v3/directline
          SelfServiceBot.Web health [URL] [--live]  exit 0 when the server answers 200 at /health/ready (--live: /health/live) of URL, else of the first http address of ASPNETCORE_URLS / urls (default http://localhost:3978); for container health checks
          SelfServiceBot.Web help            this text
        """ + "\n" + Kb.KbCommand.Usage + "\n" + UsersCommand.Usage + "\n" + AgentsCommand.Usage + "\n" + Costs.CostsCommand.Usage
          + "\n" + Database.MigrateCommand.Usage + "\n" + Database.BackupCommand.Usage + "\n" + PrivacyCommand.Usage + "\n" + AiCommand.Usage;
}
