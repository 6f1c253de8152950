using Microsoft.Extensions.Configuration;
using SelfServiceBot.Knowledge;
using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>The <c>kb</c> verbs: the knowledge base authors' and operators' tools.</summary>
internal static class KbCommand
{
    public const string Usage = """
          SelfServiceBot.Web kb eval --kb FILE|DIR --cases FILE [--answer-threshold N] [--clarify-threshold N] [--locale L] [--retrieval lexical|hybrid] [--sweep] [--json] [--failures FILE]
                                             measure answer quality on labelled cases (JSON Lines {"text","expected"});
                                             without --locale each case is ranked in the language it is written in
          SelfServiceBot.Web kb ask "question" [--kb FILE|DIR] [--published] [--locale L] [--retrieval lexical|hybrid] [--explain]
                                             the decision the bot would take, and why (--published: with the articles
                                             published into the server's database, as the running bot)
          SelfServiceBot.Web kb index [--kb DIR] [--index DIR]   build the on-disk index the server opens
          SelfServiceBot.Web kb lint [--kb FILE|DIR]              missing fields, duplicate and conflicting questions
          SelfServiceBot.Web kb import --from FILE [--to DIR | --publish] [--locale L] [--overwrite]
                                             JSON Lines, QnA Maker / question answering TSV or CSV into Markdown articles;
                                             with --publish into the server's database instead (every instance serves them)
          SelfServiceBot.Web kb export (--out FILE [--format jsonl|csv|tsv] | --to DIR [--overwrite]) [--kb DIR | --published]
                                             the files, or with --published the articles published into the server's
                                             database (drafts, kb import --publish); --to DIR writes Markdown files
          SelfServiceBot.Web kb unpublish ID [--locale L]  removes an article published into the server's database
          (--kb defaults to the knowledge base the server uses: Knowledge:KnowledgeBasePath or the nearest knowledgebase/;
           --retrieval to what it ranks with: hybrid unless Knowledge:Embeddings:Provider is None)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var sub = args.Length > 1 ? args[1] : "";
        var rest = new CliArguments(args.Skip(2), "json", "sweep", "explain", "overwrite", "publish", "published");
        try
        {
            var (options, embeddings) = LoadOptions();
            return sub switch
            {
                "eval" => await KbEvalCommand.RunAsync(rest, options, embeddings),
                "ask" => await KbAskCommand.RunAsync(rest, options, embeddings),
                "index" => KbIndexCommand.Run(rest, options),
                "lint" => KbLintCommand.Run(rest, options),
                "import" => await KbInterchangeCommands.ImportAsync(rest, options),
                "export" => await KbInterchangeCommands.ExportAsync(rest, options),
                "unpublish" => await KbInterchangeCommands.UnpublishAsync(rest),
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
    private static (KnowledgeOptions Knowledge, EmbeddingOptions Embeddings) LoadOptions()
    {
        var contentRoot = Hosting.ContentRoot.ForCli();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(contentRoot)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new KnowledgeOptions();
        try
        {
            configuration.GetSection(KnowledgeOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // A setting that is not of its type: the binder's message names it; no stack trace for an operator's typo.
            throw new FormatException(ex.Message, ex);
        }
        if (!Enum.IsDefined(options.ChineseAnalysis))
        {
            throw new FormatException("Knowledge:ChineseAnalysis must be Bigrams, Words or WordsAndBigrams.");
        }
        var embeddings = new EmbeddingOptions();
        configuration.GetSection(EmbeddingOptions.SectionName).Bind(embeddings);
        // Relative paths in settings mean what they mean to the server: under its content root. (Paths typed on the
        // command line, --kb and --index, stay relative to the working directory.)
        options.IndexPath = Path.GetFullPath(options.IndexPath, contentRoot);
        if (options.KnowledgeBasePath is { Length: > 0 } configured)
        {
            options.KnowledgeBasePath = Path.GetFullPath(configured, contentRoot);
        }
        return (options, embeddings);
    }
}
