using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Data;

/// <summary>
/// Applies migrations in the host's "starting" phase, which runs before any hosted service and before
/// the web server accepts a request, so nothing ever sees a database without its tables.
/// </summary>
internal sealed class DatabaseMigrationService(DatabaseMigrator migrator, IOptions<DatabaseOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        options.Value.MigrateOnStart ? migrator.MigrateAsync(cancellationToken) : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
