using SelfServiceBot.Data;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Interchange;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.KnowledgeDrafts;
using SelfServiceBot.Web.Persistence;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>The articles published into the server's database, for the kb verbs that take <c>--publish</c> / <c>--published</c>.</summary>
internal static class KbPublished
{
    /// <summary>The server's database (its settings, migrated), with the published articles' store.</summary>
    public static async Task<ServiceProvider> StartDatabaseAsync()
    {
        var builder = CliHost.CreateBuilder();
        builder.Logging.AddStandardErrorLog();
        builder.Services.AddBotDatabase();
        builder.Services.AddKnowledgeDrafts();
        var services = builder.Services.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return services;
    }

    public static async Task<IReadOnlyList<KnowledgeArticle>> LoadAsync()
    {
        await using var services = await StartDatabaseAsync();
        return (await services.GetRequiredService<PublishedArticleStore>().LoadAsync(CancellationToken.None)).Articles;
    }

    /// <summary>The files and the published articles, merged as the server merges them (a file wins over a published id).</summary>
    public static async Task<KnowledgeSource> WithPublishedAsync(KnowledgeSource files) =>
        files with { KnowledgeBase = files.KnowledgeBase with { Articles = ArticleMerge.Merge(files.KnowledgeBase.Articles, await LoadAsync(), out _) } };
}
