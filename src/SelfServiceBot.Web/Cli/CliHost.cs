using SelfServiceBot.Costs;
using SelfServiceBot.Data;

namespace SelfServiceBot.Web.Cli;

/// <summary>
/// The services a CLI verb needs, configured like the app (appsettings.json in the server's content root, see Hosting/ContentRoot.cs, then environment
/// variables such as ConnectionStrings__SelfServiceBot), with the database migrated and no background services.
/// </summary>
internal static class CliHost
{
    /// <summary>
    /// The settings and the content root as the server has them, for verbs that compose their own services (users, agents):
    /// appsettings.json and appsettings.{environment}.json in the server's content root, then environment variables; a
    /// relative database path resolves against that root too. From the working directory alone, a verb run elsewhere than
    /// the server's folder wrote to another database than the server's.
    /// </summary>
    public static IConfiguration AddServerSettings(this IServiceCollection services)
    {
        var root = Hosting.ContentRoot.ForCli();
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                          ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            ApplicationName = typeof(CliHost).Assembly.GetName().Name!,
            EnvironmentName = environment,
            ContentRootPath = root,
            ContentRootFileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root),
        });
        return configuration;
    }

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
