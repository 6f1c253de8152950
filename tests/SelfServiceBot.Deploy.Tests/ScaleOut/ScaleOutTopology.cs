using SelfServiceBot.Deploy.Tests.Infrastructure;

namespace SelfServiceBot.Deploy.Tests.ScaleOut;

/// <summary>
/// deploy/docker-compose.yml on loopback, without Docker: PostgreSQL (an empty database), Redis, two instances of the
/// published app started at the same moment with the compose file's settings, and nginx with deploy/nginx.conf in front.
/// </summary>
public sealed class ScaleOutTopology : IAsyncLifetime
{
    public const string AgentEmail = "anna@example.com";
    public const string AgentPassword = "Correct-horse-9";

    private RedisServer? _redis;

    public PostgresDatabase Database { get; private set; } = null!;
    public IReadOnlyList<AppInstance> Instances { get; private set; } = [];
    public NginxProxy Proxy { get; private set; } = null!;
    public string AppFolder { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        AppFolder = await PublishedApp.FolderAsync();
        Database = await PostgresDatabase.CreateAsync("ssb_scaleout");
        _redis = await RedisServer.StartAsync();
        Environment = new Dictionary<string, string>
        {
            // What deploy/docker-compose.yml gives every instance.
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__SelfServiceBot"] = Database.ConnectionString,
            ["Redis__Configuration"] = _redis.Configuration,
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppType"] = "SingleTenant",
            ["Knowledge__KnowledgeBasePath"] = Path.Combine(AppFolder, "knowledgebase"),
        };
        // Both at the same moment, on the empty database: both migrate on start, as a compose file without the migrate
        // service (or an upgrade started by hand) would.
        Instances = [Start("instance-a"), Start("instance-b")];
        await Task.WhenAll(Instances.Select(i => i.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3))));
        Proxy = await NginxProxy.StartAsync(RepositoryFiles.Read("deploy/nginx.conf"), Instances.Select(i => i.Port).ToList());

        var (exit, output) = await AppInstance.RunVerbAsync(AppFolder, Environment, AgentPassword,
            "users", "add", "--email", AgentEmail, "--role", "Agent", "--name", "Anna", "--password-stdin");
        if (exit != 0)
        {
            throw new InvalidOperationException($"users add failed ({exit}): {output}");
        }
    }

    private AppInstance Start(string name)
    {
        var index = Path.Combine(Path.GetTempPath(), "ssb-tests", $"{name}-{Guid.NewGuid():N}", "index");
        return AppInstance.Start(name, AppFolder, new Dictionary<string, string>(Environment) { ["Knowledge__IndexPath"] = index });
    }

    public string Logs => string.Join("\n", Instances.Select(i => $"--- {i.Name} (port {i.Port}) ---\n{i.Log}"));

    public async Task DisposeAsync()
    {
        Proxy?.Dispose();
        foreach (var instance in Instances)
        {
            instance.Dispose();
        }
        _redis?.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
