using System.Text.RegularExpressions;
using SelfServiceBot.Deploy.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SelfServiceBot.Deploy.Tests.Compose;

/// <summary>deploy/docker-compose.yml and deploy/.env.example as shipped (no Docker here: ScaleOutTests runs the bot's settings).</summary>
public sealed partial class ComposeFileTests
{
    private static readonly ComposeFile Compose = ComposeFile.Shipped;
    private static readonly Dictionary<string, string> Required = new() { ["POSTGRES_PASSWORD"] = "pw", ["MICROSOFT_APP_ID"] = "app-id" };

    [Fact]
    public void What_dies_comes_back_and_the_migration_runs_once_before_the_instances()
    {
        foreach (var service in Compose.ServiceNames.Where(s => s != "migrate"))
        {
            Assert.True(Compose.Value(service, "restart") == "unless-stopped", $"{service} has no restart: unless-stopped");
        }
        Assert.Equal("on-failure", Compose.Value("migrate", "restart"));
        Assert.Equal(["migrate"], Sequence(Compose.Service("migrate")["command"]));
        Assert.Equal("service_completed_successfully", Compose.Value("bot", "depends_on", "migrate", "condition"));
        Assert.Equal("false", Compose.Environment("bot", Required)["Database__MigrateOnStart"]);
    }

    [Fact]
    public void The_instances_report_readiness_and_trust_the_proxy_and_are_single_tenant_by_default()
    {
        Assert.Contains("http://localhost:3978/health/ready", Sequence(Compose.Service("bot")["healthcheck"]["test"]));
        var environment = Compose.Environment("bot", Required);
        Assert.Equal("true", environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        Assert.Equal("SingleTenant", environment["MicrosoftAppType"]);
        Assert.Equal("redis:6379", environment["Redis__Configuration"]);
        Assert.Equal("Postgres", environment["Database__Provider"]);
    }

    [Fact]
    public void Without_a_database_password_compose_stops()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose.Environment("db", new Dictionary<string, string>()));
        Assert.Contains("POSTGRES_PASSWORD", error.Message);
    }

    [Fact]
    public void Without_an_app_id_compose_stops_rather_than_open_api_messages_to_anyone()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Compose.Environment("bot", new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "pw" }));
        Assert.Contains("MICROSOFT_APP_ID", error.Message);
        Assert.Equal("app-id", Compose.Environment("bot", Required)["MicrosoftAppId"]);
    }

    [Fact]
    public void The_nginx_image_resolves_upstreams_as_nginx_conf_asks()
    {
        // `server ... resolve` in an upstream needs nginx 1.27.3 or later.
        var image = Compose.Value("proxy", "image")!;
        var version = Version.Parse(image.Split(':')[1] + (image.Split(':')[1].Count(c => c == '.') == 1 ? ".0" : ""));
        Assert.True(version >= new Version(1, 27, 3), image);
        Assert.Contains("resolve;", RepositoryFiles.Read("deploy/nginx.conf"));
    }

    [Fact]
    public void The_env_example_names_every_variable_the_compose_file_reads()
    {
        var example = RepositoryFiles.Read("deploy/.env.example");
        var named = EnvLine().Matches(example).Select(m => m.Groups[1].Value).ToHashSet();
        var used = ComposeVariable().Matches(RepositoryFiles.Read("deploy/docker-compose.yml")).Select(m => m.Groups[1].Value)
            .Where(v => v != "KEY_PROTECTION_PASSWORD").ToHashSet(); // in a comment: optional, documented there
        Assert.Empty(used.Except(named));
    }

    private static List<string> Sequence(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    [GeneratedRegex(@"^([A-Z0-9_]+)=", RegexOptions.Multiline)]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)")]
    private static partial Regex ComposeVariable();
}
