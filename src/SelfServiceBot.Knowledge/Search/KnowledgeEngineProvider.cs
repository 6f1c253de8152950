using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Articles;
using SelfServiceBot.Knowledge.Embeddings;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// Holds the engine for the current version of the knowledge base. <see cref="ReloadAsync"/> builds the
/// next one beside it and swaps the reference: requests in flight finish on the old engine, which is
/// disposed a while later, so a knowledge base change never drops or fails a request. The engine serves the knowledge
/// base folder's files and, when the host shares them (<see cref="IPublishedArticles"/>), the published articles of every
/// instance; <see cref="RefreshIfChangedAsync"/> is the poll that picks up another instance's publish.
/// </summary>
public sealed partial class KnowledgeEngineProvider(
    IOptions<KnowledgeOptions> options,
    KnowledgeBaseLocator locator,
    ILogger<KnowledgeEngineProvider> logger,
    IHostEnvironment? environment = null,
    IPublishedArticles? published = null,
    KnowledgeEncoder? encoder = null) : IDisposable
{
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile KnowledgeEngine? _current;
    private Task? _firstLoad;
    private readonly Lock _firstLoadLock = new();

    // The published articles last read, kept when a later read fails (the database is briefly away) so a reload of the
    // files does not drop them. The revision is that of the engine in use: Unread after a failed read or build, so the
    // next poll reloads.
    private const long Unread = long.MinValue;
    private PublishedArticleSet _published = PublishedArticleSet.Empty;
    private long _publishedRevision = Unread;

    /// <summary>The stamp of the index in use (null before the first load or when there is no knowledge base).</summary>
    public string? Stamp { get; private set; }

    /// <summary>Whether published articles are shared through the host (and worth polling for).</summary>
    public bool SharesPublishedArticles => published is not null;

    /// <summary>
    /// The poll: reloads when the published articles' revision is not the one loaded. True when it reloaded. A failure to
    /// read the revision is thrown to the caller (the poller logs it and asks again next time).
    /// </summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        if (published is null || _current is null && _firstLoad is null)
        {
            return false;
        }
        var revision = await published.RevisionAsync(cancellationToken);
        var loaded = Interlocked.Read(ref _publishedRevision);
        if (revision == loaded)
        {
            return false;
        }
        LogPublishedChanged(revision, loaded == Unread ? null : loaded);
        await ReloadAsync(cancellationToken);
        return true;
    }

    /// <summary>True once an engine serves searches (the readiness check asks).</summary>
    public bool IsLoaded => _current is not null;

    /// <summary>True once the first load ended, with an engine or without one (no knowledge base found, or it failed).</summary>
    public bool FirstLoadEnded => Volatile.Read(ref _firstLoad) is { IsCompleted: true };

    /// <summary>The engine, loading it on first use (the startup service loads it before the app takes requests).</summary>
    public async Task<KnowledgeEngine?> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } engine)
        {
            return engine;
        }
        Task firstLoad;
        lock (_firstLoadLock)
        {
            // A failed first load (say the disk was full) is retried by the next caller, not cached.
            if (_firstLoad is null || _firstLoad.IsFaulted)
            {
                _firstLoad = ReloadAsync(CancellationToken.None);
            }
            firstLoad = _firstLoad;
        }
        await firstLoad.WaitAsync(cancellationToken);
        return _current;
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var (shared, read) = await ReadPublishedAsync(cancellationToken);
            KnowledgeEngine? next;
            try
            {
                // Building is CPU work (index, training): off the caller's thread.
                next = await Task.Run(() => Load(shared.Articles), cancellationToken);
            }
            catch
            {
                Interlocked.Exchange(ref _publishedRevision, Unread);
                throw;
            }
            Interlocked.Exchange(ref _publishedRevision, read ? shared.Revision : Unread);
            if (next is null)
            {
                return;
            }
            var previous = _current;
            _current = next;
            if (previous is not null)
            {
                _ = Task.Delay(RetireAfter, CancellationToken.None).ContinueWith(_ => previous.Dispose(), TaskScheduler.Default);
            }
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <returns>The published articles, and false when they could not be read (those read before, then).</returns>
    private async Task<(PublishedArticleSet Set, bool Read)> ReadPublishedAsync(CancellationToken cancellationToken)
    {
        if (published is null)
        {
            return (PublishedArticleSet.Empty, true);
        }
        try
        {
            _published = await published.LoadAsync(cancellationToken);
            return (_published, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The files still load; the poll reloads once the database answers again.
            LogPublishedReadFailed(ex, _published.Articles.Count);
            return (_published, false);
        }
    }

    private KnowledgeEngine? Load(IReadOnlyList<KnowledgeArticle> publishedArticles)
    {
        var path = locator.Resolve(out var searched);
        if (path is null && publishedArticles.Count == 0)
        {
            logger.LogError("No knowledge base found (looked in {Searched}); every question will get the fallback answer. " +
                            "Set Knowledge:KnowledgeBasePath.", searched);
            return null;
        }
        var files = path is null ? new KnowledgeSource(new KnowledgeBase("", [], []), new Dictionary<string, Analysis.SynonymTable>())
            : KnowledgeSource.Load(path);
        var source = files with
        {
            Chinese = options.Value.ChineseAnalysis,
            KnowledgeBase = files.KnowledgeBase with { Articles = ArticleMerge.Merge(files.KnowledgeBase.Articles, publishedArticles, out var shadowed) },
        };
        foreach (var article in shadowed)
        {
            logger.LogInformation("Published article {Locale}/{ArticleId} is also a file of the knowledge base; the file is served",
                article.Locale, article.Id);
        }
        foreach (var problem in source.KnowledgeBase.Problems)
        {
            logger.LogWarning("Knowledge article skipped: {Path} line {Line}: {Reason}", problem.Path, problem.Line, problem.Reason);
        }
        foreach (var (language, table) in source.Synonyms)
        {
            foreach (var problem in table.Problems)
            {
                logger.LogWarning("Synonyms ({Language}) {Problem}: line ignored", language, problem);
            }
        }
        var root = environment?.ContentRootPath is { Length: > 0 } contentRoot ? contentRoot : Directory.GetCurrentDirectory();
        var opened = PersistentIndex.Open(source, Path.GetFullPath(Path.Combine(root, options.Value.IndexPath)), encoder: encoder?.Encoder);
        Stamp = opened.Stamp;
        logger.LogInformation("Knowledge base {Path}: {Count} articles ({Published} published) in {Languages}; index {Stamp} {How}; encoder {Encoder}",
            path, opened.Engine.ArticleCount, publishedArticles.Count - shadowed.Count, string.Join(", ", opened.Engine.Languages), opened.Stamp,
            opened.Built ? "built" : "reused", encoder?.Encoder?.ModelId ?? IndexStamp.Lexical);
        return opened.Engine;
    }

    public void Dispose()
    {
        _current?.Dispose();
        _reloading.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published articles changed (revision {Revision}, loaded {Loaded}); reloading the knowledge base")]
    private partial void LogPublishedChanged(long revision, long? loaded);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the published articles failed; serving the files and the {Count} published articles read before")]
    private partial void LogPublishedReadFailed(Exception ex, int count);
}
