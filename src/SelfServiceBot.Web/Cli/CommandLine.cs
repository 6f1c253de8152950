namespace SelfServiceBot.Web.Cli;

/// <summary>
/// The CLI side of the one executable: <c>SelfServiceBot.Web VERB ...</c>. Verbs come from the
/// modules (kb, costs); anything starting with "-" or "--" is left to the web host.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["help", "kb", "costs"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args)
    {
        if (args[0] == "help")
        {
            Console.WriteLine("""
                SelfServiceBot.Web                 serve (chat at /, Bot Framework endpoint at /api/messages)
                SelfServiceBot.Web help            this text
                """);
            return Task.FromResult(0);
        }
        Console.Error.WriteLine($"'{args[0]}' is not available yet.");
        return Task.FromResult(2);
    }
}
