using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Engine;
using SelfServiceBot.Knowledge.Interchange;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// Holds the engine for the current version of the knowledge base. <see cref="ReloadAsync"/> builds the
/// next one beside it and swaps the reference: requests in flight finish on the old engine, which is
/// disposed a while later, so a knowledge base change never drops or fails a request.
/// </summary>
public sealed class KnowledgeEngineProvider(
    IOptions<KnowledgeOptions> options,
    KnowledgeBaseLocator locator,
    ILogger<KnowledgeEngineProvider> logger,
    IHostEnvironment? environment = null) : IDisposable
{
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile KnowledgeEngine? _current;
    private Task? _firstLoad;
    private readonly Lock _firstLoadLock = new();

    /// <summary>The stamp of the index in use (null before the first load or when there is no knowledge base).</summary>
    public string? Stamp { get; private set; }

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
            // Building is CPU work (index, training): off the caller's thread.
            var next = await Task.Run(Load, cancellationToken);
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

    private KnowledgeEngine? Load()
    {
        var path = locator.Resolve(out var searched);
        if (path is null)
        {
            logger.LogError("No knowledge base found (looked in {Searched}); every question will get the fallback answer. " +
                            "Set Knowledge:KnowledgeBasePath.", searched);
            return null;
        }
        var source = KnowledgeSource.Load(path);
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
        var opened = PersistentIndex.Open(source, Path.GetFullPath(Path.Combine(root, options.Value.IndexPath)));
        Stamp = opened.Stamp;
        logger.LogInformation("Knowledge base {Path}: {Count} articles in {Languages}; index {Stamp} {How}", path,
            opened.Engine.ArticleCount, string.Join(", ", opened.Engine.Languages), opened.Stamp, opened.Built ? "built" : "reused");
        return opened.Engine;
    }

    public void Dispose()
    {
        _current?.Dispose();
        _reloading.Dispose();
    }
}
