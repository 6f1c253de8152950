using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>Keeps the ledger current in the background: new events, idle contacts, recontacts, every LedgerIntervalSeconds.</summary>
internal sealed class ContactLedgerService(ContactLedger ledger, IOptions<CostsOptions> options, TimeProvider clock, ILogger<ContactLedgerService> logger)
    : BackgroundService
{
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
                await ledger.CatchUpAsync(stoppingToken);
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
