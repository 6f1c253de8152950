using SelfServiceBot.Deploy.Tests.Infrastructure;

namespace SelfServiceBot.Deploy.Tests.ScaleOut;

/// <summary>
/// deploy/docker-compose.yml on loopback, without Docker: PostgreSQL (an empty database), Redis, two instances of the
/// published app started at the same moment with the bot service's settings read from the compose file, and nginx with
/// deploy/nginx.conf in front.
/// </summary>
public sealed class ScaleOutTopology : IAsyncLifetime
{
    public const string AgentEmail = "anna@example.com";
    public const string AgentPassword = "Correct-horse-9";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ssb-scale-out").FullName;
    private TestPostgres? _database;
    private RedisServer? _redis;

    internal IReadOnlyList<ProductProcess> Instances { get; private set; } = [];
    public NginxProxy Proxy { get; private set; } = null!;
    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        var appFolder = await PublishedApp.FolderAsync();
        _database = await TestPostgres.CreateAsync();
        _redis = await RedisServer.StartAsync();
        // The bot's settings in deploy/docker-compose.yml, with the compose network's host names (db, redis) on loopback.
        // The app id compose requires: a well-formed single-tenant identity. Nothing here posts to /api/messages (Direct Line
        // and the agent console do not use Bot Connector auth), so no token is ever checked against it.
        var environment = ComposeFile.Shipped.Environment("bot", new Dictionary<string, string>
        {
            ["POSTGRES_PASSWORD"] = "unused",
            ["MICROSOFT_APP_ID"] = "00000000-0000-4000-8000-000000000b07",
            ["MICROSOFT_APP_PASSWORD"] = "unused",
            ["MICROSOFT_APP_TENANT_ID"] = "00000000-0000-4000-8000-000000007e57",
        });
        Replace(environment, "ConnectionStrings__SelfServiceBot", _database.ConnectionString);
        Replace(environment, "Redis__Configuration", _redis.Configuration);
        // Compose migrates in its one-shot service first; here both instances migrate on start instead, as an upgrade
        // started without that service would, which is the race the migration lock must survive.
        Replace(environment, "Database__MigrateOnStart", "true");
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Knowledge__KnowledgeBasePath"] = Path.Combine(appFolder, "knowledgebase");
        // Both at the same moment, on the empty database.
        Instances = [ProductProcess.Start(environment, _dataDirectory, appFolder), ProductProcess.Start(environment, _dataDirectory, appFolder)];
        foreach (var healthy in await Task.WhenAll(Instances.Select(i => i.WaitHealthyAsync(TimeSpan.FromMinutes(3)))))
        {
            if (!healthy)
            {
                throw new InvalidOperationException($"An instance did not become healthy:\n{Logs}");
            }
        }
        Proxy = await NginxProxy.StartAsync(RepositoryFiles.Read("deploy/nginx.conf"), Instances.Select(i => i.Port).ToList());

        var (exit, stdout, stderr) = await ProductExecutable.RunAsync(new ProductRun(null, environment, appFolder, AgentPassword),
            "users", "add", "--email", AgentEmail, "--role", "Agent", "--name", "Anna", "--password-stdin");
        if (exit != 0)
        {
            throw new InvalidOperationException($"users add failed ({exit}): {stdout}{stderr}");
        }
    }

    private static void Replace(Dictionary<string, string> environment, string key, string value)
    {
        if (!environment.ContainsKey(key))
        {
            throw new InvalidOperationException($"deploy/docker-compose.yml's bot service no longer sets {key}: update the scale-out test.");
        }
        environment[key] = value;
    }

    public string Logs => string.Join("\n", Instances.Select(i => $"--- instance on port {i.Port} ---\n{i.Output}"));

    public async Task DisposeAsync()
    {
        Proxy?.Dispose();
        foreach (var instance in Instances)
        {
            instance.Dispose();
        }
        _redis?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
