using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>
/// The `health` verb, run as the container runs it: it finds the server where the server's own settings say it listens
/// (ASPNETCORE_URLS, urls), readiness by default, liveness with --live.
/// </summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task With_no_URL_it_asks_readiness_at_the_first_http_address_of_ASPNETCORE_URLS_with_a_wildcard_host_as_localhost()
    {
        using var app = new AppServer();
        var port = app.BaseAddress.Port;

        var (exit, stdout, stderr) = await RunAsync(new() { ["ASPNETCORE_URLS"] = $"https://+:1;http://+:{port}" }, "health");

        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith($"http://localhost:{port}/health/ready: 200", stdout);
        Assert.Contains("\"knowledge\"", stdout);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("*")]
    [InlineData("[::]")]
    [InlineData("127.0.0.1")]
    public async Task The_urls_setting_works_too_and_live_asks_liveness(string host)
    {
        using var app = new AppServer();
        var port = app.BaseAddress.Port;

        var (exit, stdout, stderr) = await RunAsync(new() { ["urls"] = $"http://{host}:{port}" }, "health", "--live");

        Assert.True(exit == 0, stdout + stderr);
        var asked = host == "127.0.0.1" ? host : "localhost";
        Assert.StartsWith($"http://{asked}:{port}/health/live: 200", stdout);
    }

    [Fact]
    public async Task A_URL_given_wins_and_gets_the_readiness_path_when_it_has_none()
    {
        using var app = new AppServer();
        var port = app.BaseAddress.Port;

        var (exit, stdout, _) = await RunAsync(new() { ["ASPNETCORE_URLS"] = $"http://+:{LoopbackPort.Free()}" }, "health", $"http://127.0.0.1:{port}");
        var (healthzExit, healthz, _) = await RunAsync([], "health", $"http://127.0.0.1:{port}/healthz");

        Assert.Equal(0, exit);
        Assert.StartsWith($"http://127.0.0.1:{port}/health/ready: 200", stdout);
        Assert.Equal(0, healthzExit);
        Assert.StartsWith($"http://127.0.0.1:{port}/healthz: 200", healthz);
    }

    [Fact]
    public async Task A_server_not_ready_exits_1_while_live_still_exits_0()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{LoopbackPort.Free()}" });
        var urls = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{app.BaseAddress.Port}" };

        var (readyExit, ready, _) = await RunAsync(urls, "health");
        var (liveExit, _, _) = await RunAsync(urls, "health", "--live");

        Assert.Equal(1, readyExit);
        Assert.Contains("/health/ready: 503", ready);
        Assert.Equal(0, liveExit);
    }

    [Fact]
    public async Task Nothing_listening_exits_1_and_a_URL_that_is_not_one_exits_2()
    {
        var closed = LoopbackPort.Free();

        var (downExit, _, downError) = await RunAsync(new() { ["ASPNETCORE_URLS"] = $"http://localhost:{closed}" }, "health");
        var (badExit, _, badError) = await RunAsync([], "health", "localhost:3978");

        Assert.Equal(1, downExit);
        Assert.Contains($"http://localhost:{closed}/health/ready", downError);
        Assert.Equal(2, badExit);
        Assert.Contains("'localhost:3978' is not an http(s) URL", badError);
    }

    // The verb reads the server's settings: from a folder of its own, so a developer's environment does not leak in.
    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        environment.TryAdd("ASPNETCORE_URLS", "");
        return ProductExecutable.RunInAsync(null, environment, args);
    }
}
