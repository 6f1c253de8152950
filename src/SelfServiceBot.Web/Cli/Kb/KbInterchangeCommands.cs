using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Interchange;
using SelfServiceBot.Knowledge.Search;
using SelfServiceBot.KnowledgeDrafts;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>
/// <c>kb import</c> (JSON Lines, QnA Maker TSV or CSV into Markdown files, or with --publish into the database's published
/// articles) and <c>kb export</c> (the files or, with --published, the database's articles, to a file or Markdown files).
/// </summary>
internal static class KbInterchangeCommands
{
    public static async Task<int> ImportAsync(CliArguments args, KnowledgeOptions options)
    {
        var from = args.Required("from");
        var kb = KnowledgeSource.Load(from, args.Get("locale") ?? "en").KnowledgeBase;
        foreach (var problem in kb.Problems)
        {
            Console.Error.WriteLine($"skipped {problem}");
        }
        if (args.Has("publish"))
        {
            if (args.Get("to") is not null)
            {
                throw new CliUsageException("--publish imports into the database the server uses; leave out --to");
            }
            await using var services = await KbPublished.StartDatabaseAsync();
            await services.GetRequiredService<PublishedArticleStore>().ImportAsync(kb.Articles, args.Has("overwrite"), "kb import", CancellationToken.None);
            Console.WriteLine($"published {kb.Articles.Count} articles into the database ({kb.Problems.Count} skipped); " +
                              $"every instance serves them within Knowledge:SharedPollSeconds ({options.SharedPollSeconds} s)");
            WarnAboutFiles(kb.Articles, options);
        }
        else
        {
            var to = args.Get("to") ?? KbPaths.KnowledgeBase(args, options);
            var written = MarkdownArticleWriter.WriteAll(kb.Articles, to, args.Has("overwrite"));
            Console.WriteLine($"imported {written.Count} articles into {to} ({kb.Problems.Count} skipped)");
        }
        return kb.Problems.Count > 0 ? 1 : 0;
    }

    public static async Task<int> ExportAsync(CliArguments args, KnowledgeOptions options)
    {
        var output = args.Get("out");
        var folder = args.Get("to");
        if (output is null == folder is null)
        {
            throw new CliUsageException("give --out FILE (one file) or --to DIR (Markdown files)");
        }
        IReadOnlyList<KnowledgeArticle> articles;
        if (args.Has("published"))
        {
            articles = await KbPublished.LoadAsync();
        }
        else
        {
            articles = KnowledgeSource.Load(KbPaths.KnowledgeBase(args, options)).KnowledgeBase.Articles;
        }
        if (folder is not null)
        {
            var written = MarkdownArticleWriter.WriteAll(articles, folder, args.Has("overwrite"));
            Console.WriteLine($"exported {written.Count} articles to {folder}");
            return 0;
        }
        var format = args.Get("format") ?? Path.GetExtension(output!).TrimStart('.');
        using (var writer = new StreamWriter(output!))
        {
            switch (format.ToLowerInvariant())
            {
                case "jsonl": JsonLinesFormat.Write(articles, writer); break;
                case "csv": CsvFormat.Write(articles, writer); break;
                case "tsv": QnaTsvFormat.Write(articles, writer); break;
                default: throw new CliUsageException($"--format must be jsonl, csv or tsv, not '{format}'");
            }
        }
        Console.WriteLine($"exported {articles.Count} articles to {output}");
        return 0;
    }

    public static async Task<int> UnpublishAsync(CliArguments args)
    {
        if (args.Positional is not [var id])
        {
            throw new CliUsageException("give the id of one published article, e.g. kb unpublish can-i-bring-my-dog --locale en");
        }
        var locale = args.Get("locale") ?? "en";
        await using var services = await KbPublished.StartDatabaseAsync();
        if (!await services.GetRequiredService<PublishedArticleStore>().UnpublishAsync(locale, id, CancellationToken.None))
        {
            Console.Error.WriteLine($"no published article {locale}/{id} (kb export --published --out FILE lists them; files are removed in git)");
            return 1;
        }
        Console.WriteLine($"unpublished {locale}/{id}; every instance stops serving it within Knowledge:SharedPollSeconds");
        return 0;
    }

    /// <summary>A published article whose id a file of the knowledge base also has is not served: the file wins.</summary>
    private static void WarnAboutFiles(IReadOnlyList<KnowledgeArticle> imported, KnowledgeOptions options)
    {
        if (new KnowledgeBaseLocator(Microsoft.Extensions.Options.Options.Create(options)).Resolve(out _) is not { } root)
        {
            return;
        }
        var files = KnowledgeBaseLoader.Load(root).Articles.Select(ArticleMerge.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var article in imported.Where(a => files.Contains(ArticleMerge.Key(a))))
        {
            Console.Error.WriteLine($"warning: {article.Locale}/{article.Id} is also a file of {root}; the server serves the file");
        }
    }
}
