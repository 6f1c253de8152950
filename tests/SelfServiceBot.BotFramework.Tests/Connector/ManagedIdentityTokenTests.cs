using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Connector;
using SelfServiceBot.BotFramework.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Connector;

/// <summary>
/// A UserAssignedMSI bot (what deploy/azure/main.bicep deploys) gets its Bot Connector token from the managed identity
/// endpoint Azure Container Apps and App Service provide (IDENTITY_ENDPOINT, IDENTITY_HEADER), asking for the identity
/// whose client id is the bot's app id. No client secret is involved.
/// </summary>
[Collection(ManagedIdentityEnvironment.Name)]
public sealed class ManagedIdentityTokenTests(ConnectorHarness harness) : IClassFixture<ConnectorHarness>
{
    private const string ClientId = "5d1a7c2e-8b4f-4e6a-9c3d-2f1e0a9b8c7d";
    private const string IdentityHeader = "identity-header-from-the-platform";

    [Fact]
    public async Task The_token_comes_from_the_identity_endpoint_for_the_bots_client_id()
    {
        var requests = new ConcurrentQueue<(IQueryCollection Query, string? Header)>();
        await using var endpoint = await LoopbackServer.StartAsync(app => app.MapGet("/msi/token", (HttpRequest request) =>
        {
            requests.Enqueue((request.Query, request.Headers["X-IDENTITY-HEADER"].ToString()));
            var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { access_token = "msi-access-token", expires_on = expires, resource = "https://api.botframework.com", token_type = "Bearer", client_id = ClientId });
        }));
        using var platform = new ManagedIdentityEnvironment(endpoint.Url("/msi/token"), IdentityHeader);
        await using var services = harness.Services(appId: ClientId, appType: "UserAssignedMSI", ("MicrosoftAppPassword", ""));

        var token = await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(CancellationToken.None);

        Assert.Equal("msi-access-token", token);
        var (query, header) = Assert.Single(requests);
        Assert.Equal(IdentityHeader, header);
        Assert.Equal("https://api.botframework.com", query["resource"].ToString());
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.DoesNotContain(harness.Tokens.Requests, r => r.Form.GetValueOrDefault("client_id") == ClientId); // no client-credentials call
    }
}

/// <summary>
/// The environment variables the platform sets for its managed identity endpoint, set for one test and restored after.
/// They are process-wide: the collection that sets them runs with no other test in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ManagedIdentityEnvironment : IDisposable
{
    public const string Name = "managed identity environment";
    private readonly string? _endpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
    private readonly string? _header = Environment.GetEnvironmentVariable("IDENTITY_HEADER");

    public ManagedIdentityEnvironment() { }

    public ManagedIdentityEnvironment(string endpoint, string header)
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", endpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", header);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _endpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _header);
    }
}
