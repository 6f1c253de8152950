using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Search;

namespace SelfServiceBot.Web.Cli.Kb;

internal static class KbPaths
{
    /// <summary>--kb, else the knowledge base the server would use.</summary>
    public static string KnowledgeBase(CliArguments args, KnowledgeOptions options) =>
        args.Get("kb") ?? new KnowledgeBaseLocator(Options.Create(options)).Resolve(out var searched)
        ?? throw new CliUsageException($"no knowledge base found (looked in {string.Join(", ", searched)}); pass --kb DIR|FILE");
}
