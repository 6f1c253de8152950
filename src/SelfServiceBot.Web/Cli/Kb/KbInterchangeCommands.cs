using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary><c>kb import</c> (JSON Lines, QnA Maker TSV or CSV into Markdown files) and <c>kb export</c> (the reverse).</summary>
internal static class KbInterchangeCommands
{
    public static int Import(CliArguments args, KnowledgeOptions options)
    {
        var from = args.Required("from");
        var to = args.Get("to") ?? KbPaths.KnowledgeBase(args, options);
        var kb = KnowledgeSource.Load(from, args.Get("locale") ?? "en").KnowledgeBase;
        foreach (var problem in kb.Problems)
        {
            Console.Error.WriteLine($"skipped {problem}");
        }
        var written = MarkdownArticleWriter.WriteAll(kb.Articles, to, args.Has("overwrite"));
        Console.WriteLine($"imported {written.Count} articles into {to} ({kb.Problems.Count} skipped)");
        return kb.Problems.Count > 0 ? 1 : 0;
    }

    public static int Export(CliArguments args, KnowledgeOptions options)
    {
        var output = args.Required("out");
        var format = args.Get("format") ?? Path.GetExtension(output).TrimStart('.');
        var kb = KnowledgeSource.Load(KbPaths.KnowledgeBase(args, options)).KnowledgeBase;
        using (var writer = new StreamWriter(output))
        {
            switch (format.ToLowerInvariant())
            {
                case "jsonl": JsonLinesFormat.Write(kb.Articles, writer); break;
                case "csv": CsvFormat.Write(kb.Articles, writer); break;
                case "tsv": QnaTsvFormat.Write(kb.Articles, writer); break;
                default: throw new CliUsageException($"--format must be jsonl, csv or tsv, not '{format}'");
            }
        }
        Console.WriteLine($"exported {kb.Articles.Count} articles to {output}");
        return 0;
    }
}
