using SelfServiceBot.Costs;
using SelfServiceBot.Data;
using SelfServiceBot.Web.Persistence;

namespace SelfServiceBot.Web.Cli;

/// <summary>
/// The services a CLI verb needs, configured like the app (appsettings.json in the server's content root, see Hosting/ContentRoot.cs, then environment
/// variables such as ConnectionStrings__SelfServiceBot), with the database migrated and no background services.
/// </summary>
internal static class CliHost
{
    /// <summary>
    /// What every verb composes its services on: a host builder in the server's content root, so the settings
    /// (appsettings.json, appsettings.{environment}.json, environment variables) and relative paths (the database) are the
    /// server's, wherever the verb is run from. No logging provider: each verb chooses where its log lines go.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Hosting.ContentRoot.ForCli(), Args = [] });
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>
    /// Warnings and errors to stderr: stdout is the verb's output (one JSON object with --json). The server's "Logging"
    /// section (Default: Information) is read too; a rule added here comes after it and wins, so a verb does not print the
    /// server's information lines (e.g. the migrator's "Applying N migration(s)").
    /// </summary>
    public static ILoggingBuilder AddStandardErrorLog(this ILoggingBuilder logging) => logging
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddFilter(level => level >= LogLevel.Warning)
        .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);

    public static async Task<IServiceProvider> StartAsync()
    {
        var builder = CreateBuilder();
        builder.Logging.AddStandardErrorLog();
        builder.Services.AddBotDatabase();
        builder.Services.AddCosts(background: false);
        var services = builder.Services.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return services;
    }
}
