using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Knowledge.Embeddings;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// Loads (or builds) the index before the app takes requests, and the sentence encoder when the index ranks by meaning
/// (an index whose vectors were stored is opened without the model, and loading it takes seconds the first customer
/// should not wait); then reloads the index when the knowledge base files change. Saves are debounced: an editor writing
/// several files reloads once.
/// </summary>
public sealed partial class KnowledgeStartup(
    KnowledgeEngineProvider provider,
    KnowledgeBaseLocator locator,
    IOptions<KnowledgeOptions> options,
    ILogger<KnowledgeStartup> logger,
    KnowledgeEncoder? encoder = null) : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1);

    private FileSystemWatcher? _watcher;
    private Timer? _timer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = await provider.GetAsync(cancellationToken);
        if (engine is { IsHybridAnywhere: true } && encoder?.Encoder is { } sentences)
        {
            // The phrasings' path, which the query cache does not keep: the model is loaded, no message is cached.
            await sentences.EncodeAsync(["warm-up"], cancellationToken);
        }
        if (options.Value.WatchForChanges && locator.Resolve(out _) is { } path)
        {
            _timer = new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
            _watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            _watcher.Changed += OnChanged;
            _watcher.Created += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (e.FullPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || e.FullPath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            || Directory.Exists(e.FullPath))
        {
            _timer?.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await provider.ReloadAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A broken reload keeps the previous engine serving.
            LogReloadFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the knowledge base failed; the previous version keeps serving")]
    private partial void LogReloadFailed(Exception ex);
}
