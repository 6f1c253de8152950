using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Diagnostics;

/// <summary>The turn benchmark's baselines (docs/benchmarks.md): off unless configured.</summary>
public class DiagnosticsEndpointTests
{
    [Fact]
    public async Task Without_configuration_the_echo_endpoints_do_not_exist()
    {
        using var app = new AppServer();
        using var client = app.CreateHttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/echo", new { text = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/echo/jit")).StatusCode);
    }

    [Fact]
    public async Task The_echo_endpoint_returns_its_body_and_the_jit_endpoint_a_growing_count_of_compiled_methods()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["Diagnostics:EchoEndpoint"] = "true" });
        using var client = app.CreateHttpClient();

        var echoed = await client.PostAsJsonAsync("/api/echo", new { text = "hi" });
        var first = await CompiledMethodsAsync(client);
        // Something this process has not run before makes the JIT compile at least one more method.
        _ = Enumerable.Range(0, 3).Select(i => new { i, s = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToDictionary(x => x.s);
        var second = await CompiledMethodsAsync(client);

        Assert.Equal("""{"text":"hi"}""", await echoed.Content.ReadAsStringAsync());
        Assert.True(first > 0);
        Assert.True(second > first);
    }

    private static async Task<long> CompiledMethodsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/echo/jit"));
        return json.RootElement.GetProperty("compiledMethods").GetInt64();
    }
}
