using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Knowledge.Search;

/// <summary>
/// Every <c>Knowledge:SharedPollSeconds</c>, asks whether the published articles changed (one indexed row of the database)
/// and reloads the index when they did: how an article published on one instance reaches all the others. A file watcher
/// cannot do this: instances on several hosts share no folder, and inotify does not cross hosts on network file systems.
/// </summary>
public sealed partial class PublishedArticlesPoller(
    KnowledgeEngineProvider provider,
    IOptions<KnowledgeOptions> options,
    TimeProvider clock,
    ILogger<PublishedArticlesPoller> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Started here rather than in ExecuteAsync (which runs on the thread pool): the first poll is one period after start.
        if (provider.SharesPublishedArticles && options.Value.SharedPollSeconds > 0)
        {
            _timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SharedPollSeconds), clock);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await provider.RefreshIfChangedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database is away or a reload failed: the current index keeps serving; ask again next time.
                LogPollFailed(ex);
            }
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for published knowledge articles failed; trying again at the next poll")]
    private partial void LogPollFailed(Exception ex);
}
