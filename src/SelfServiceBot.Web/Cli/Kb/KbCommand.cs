using Microsoft.Extensions.Configuration;
using SelfServiceBot.Knowledge;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>The <c>kb</c> verbs: the knowledge base authors' and operators' tools.</summary>
internal static class KbCommand
{
    public const string Usage = """
          SelfServiceBot.Web kb eval --kb FILE|DIR --cases FILE [--answer-threshold N] [--clarify-threshold N] [--locale L] [--sweep] [--json]
                                             measure answer quality on labelled cases (JSON Lines {"text","expected"})
        """;

    public static int Run(string[] args)
    {
        var options = LoadOptions();
        var sub = args.Length > 1 ? args[1] : "";
        var rest = new CliArguments(args.Skip(2), "json", "sweep", "explain");
        try
        {
            return sub switch
            {
                "eval" => KbEvalCommand.Run(rest, options),
                "ask" => KbAskCommand.Run(rest, options),
                _ => throw new CliUsageException(sub.Length == 0 ? "kb needs a command" : $"unknown kb command '{sub}'"),
            };
        }
        catch (CliUsageException ex)
        {
            Console.Error.WriteLine($"kb {sub}: {ex.Message}");
            Console.Error.WriteLine("usage:");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"kb {sub}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The same Knowledge settings the server would use (appsettings.json, environment).</summary>
    private static KnowledgeOptions LoadOptions()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new KnowledgeOptions();
        configuration.GetSection(KnowledgeOptions.SectionName).Bind(options);
        return options;
    }
}
