using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary><c>kb index [--kb DIR] [--index DIR]</c>: builds (or confirms) the on-disk index the server will open.</summary>
internal static class KbIndexCommand
{
    public static int Run(CliArguments args, KnowledgeOptions options)
    {
        var source = KnowledgeSource.Load(KbPaths.KnowledgeBase(args, options)) with { Chinese = options.ChineseAnalysis };
        foreach (var problem in source.KnowledgeBase.Problems)
        {
            Console.Error.WriteLine($"skipped {problem}");
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var opened = PersistentIndex.Open(source, Path.GetFullPath(args.Get("index") ?? options.IndexPath));
        using (opened.Engine)
        {
            Console.WriteLine($"{(opened.Built ? "built" : "up to date")}: {opened.Folder} ({opened.Engine.ArticleCount} articles in " +
                              $"{string.Join(", ", opened.Engine.Languages)}, {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)");
        }
        return 0;
    }
}
