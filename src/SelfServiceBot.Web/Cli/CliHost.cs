using SelfServiceBot.Costs;
using SelfServiceBot.Data;

namespace SelfServiceBot.Web.Cli;

/// <summary>
/// The services a CLI verb needs, configured like the app (appsettings.json in the server's content root, see Hosting/ContentRoot.cs, then environment
/// variables such as ConnectionStrings__SelfServiceBot), with the database migrated and no background services.
/// </summary>
internal static class CliHost
{
    public static async Task<IServiceProvider> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Hosting.ContentRoot.ForCli(), Args = [] });
        // stdout is the command's output (one JSON object with --json): every log line goes to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.Services.AddBotDatabase();
        builder.Services.AddCosts(background: false);
        var services = builder.Services.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return services;
    }
}
