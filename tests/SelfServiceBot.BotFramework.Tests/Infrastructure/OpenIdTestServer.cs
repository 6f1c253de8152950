using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SelfServiceBot.BotFramework.Tests.Infrastructure;

/// <summary>
/// Stands in for login.botframework.com (or the AAD metadata the Emulator's tokens use): OpenID metadata whose
/// jwks_uri lists the test keys, each with its channel endorsements. Keys can be rotated while it runs.
/// </summary>
public sealed class OpenIdTestServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private volatile Dictionary<string, object>[] _keys = [];
    private int _metadataRequests;
    private int _keyRequests;

    private OpenIdTestServer(LoopbackServer server) => _server = server;

    public string MetadataUrl => _server.Url("/v1/.well-known/openidconfiguration");

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<OpenIdTestServer> StartAsync()
    {
        OpenIdTestServer? self = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) =>
            {
                Interlocked.Increment(ref self!._metadataRequests);
                var origin = $"{http.Request.Scheme}://{http.Request.Host}";
                return Results.Json(new Dictionary<string, object>
                {
                    ["issuer"] = "https://api.botframework.com",
                    ["jwks_uri"] = origin + "/v1/.well-known/keys",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                });
            });
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref self!._keyRequests);
                return Results.Json(new { keys = self._keys });
            });
        });
        self = new OpenIdTestServer(server);
        return self;
    }

    /// <summary>Publishes exactly these keys, each endorsed for the given channels.</summary>
    public void Publish(params (TestSigningKey Key, string[] Endorsements)[] keys) =>
        _keys = keys.Select(k => k.Key.ToJwk(k.Endorsements)).ToArray();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
