using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>Keeps the ledger current in the background: new events, idle contacts, recontacts, every LedgerIntervalSeconds.</summary>
internal sealed class ContactLedgerService(
    ContactLedger ledger,
    IDbContextFactory<BotDbContext> factory,
    IOptions<CostsOptions> options,
    TimeProvider clock,
    ILogger<ContactLedgerService> logger) : BackgroundService
{
    private static readonly TimeSpan StatisticsInterval = TimeSpan.FromHours(6);
    private DateTimeOffset _statisticsAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.LedgerIntervalSeconds);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ledger.CatchUpAsync(stoppingToken, besideTurns: true);
                if (clock.GetUtcNow() - _statisticsAt > StatisticsInterval)
                {
                    await using var db = factory.CreateDbContext();
                    await ContactStatistics.RefreshAsync(db, stoppingToken);
                    _statisticsAt = clock.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next pass starts again from the checkpoint; nothing of a failed batch was kept.
                logger.LogWarning(ex, "Contact ledger pass failed; retrying in {Interval}", interval);
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
