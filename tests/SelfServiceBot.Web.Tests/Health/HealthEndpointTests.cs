using System.Net;
using System.Text.Json.Nodes;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Health;

/// <summary>Liveness answers while the process runs; readiness asks the database, the knowledge index and Redis (when set).</summary>
public class HealthEndpointTests
{
    [Fact]
    public async Task Ready_live_and_healthz_answer_200_with_each_checks_status_when_everything_answers()
    {
        using var app = new AppServer();
        using var client = app.CreateHttpClient();

        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, live) = await GetAsync(client, "/health/live");
        var (healthzStatus, healthz) = await GetAsync(client, "/healthz");

        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", (string?)ready["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["database"]!["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["knowledge"]!["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["redis"]!["status"]);
        Assert.Contains("not used", (string?)ready["checks"]!["redis"]!["description"]);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Empty(live["checks"]!.AsObject());
        Assert.Equal(HttpStatusCode.OK, healthzStatus);
        Assert.Equal(["database", "knowledge", "redis"], healthz["checks"]!.AsObject().Select(c => c.Key).Order());
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "bot.db")));
    }

    [Fact]
    public async Task Without_a_knowledge_index_ready_answers_503_and_says_so_while_live_answers_200()
    {
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["Knowledge:KnowledgeBasePath"] = Path.Combine(Path.GetTempPath(), "ssb-no-such-kb-" + Guid.NewGuid().ToString("N")),
        });
        using var client = app.CreateHttpClient();

        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, _) = await GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", (string?)ready["checks"]!["knowledge"]!["status"]);
        Assert.Contains("no knowledge index", (string?)ready["checks"]!["knowledge"]!["description"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["database"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task With_Redis_configured_at_a_port_nobody_listens_on_ready_answers_503_and_live_200()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{LoopbackPort.Free()}" });
        using var client = app.CreateHttpClient();

        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, _) = await GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", (string?)ready["checks"]!["redis"]!["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["database"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    [Fact]
    public async Task With_Redis_answering_ready_answers_200()
    {
        using var redis = await RedisServer.StartAsync();
        using var app = new AppServer(new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration });
        using var client = app.CreateHttpClient();

        var (readyStatus, ready) = await GetAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.StartsWith("PING", (string?)ready["checks"]!["redis"]!["description"]);
    }

    [Fact]
    public async Task When_the_database_goes_away_ready_answers_503_and_live_200()
    {
        var folder = Directory.CreateTempSubdirectory("ssb-volume-").FullName;
        // No pooling: a pooled connection would stay open to the removed file and hide the loss.
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["ConnectionStrings:SelfServiceBot"] = $"Data Source={Path.Combine(folder, "bot.db")};Pooling=False",
        });
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/ready")).Status);

        // The volume is gone: the file cannot be opened (nor created) any more.
        Directory.Delete(folder, recursive: true);
        var (readyStatus, ready) = await GetAsync(client, "/health/ready");
        var (liveStatus, _) = await GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", (string?)ready["checks"]!["database"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, liveStatus);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
