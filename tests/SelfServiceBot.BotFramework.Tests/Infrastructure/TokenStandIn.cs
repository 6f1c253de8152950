using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SelfServiceBot.BotFramework.Tests.Infrastructure;

/// <summary>A client-credentials request the token stand-in answered.</summary>
public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// Stands in for login.microsoftonline.com: HTTPS (MSAL refuses http authorities) with a certificate made for this
/// run, answering <c>POST /{tenant}/oauth2/v2.0/token</c>. <see cref="TrustCertificate"/> makes the bot's token
/// HttpClient accept that certificate, which is all a test changes in the app.
/// </summary>
public sealed class TokenStandIn : IAsyncDisposable
{
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private readonly X509Certificate2 _certificate = CreateCertificate();
    private LoopbackServer _server = null!;

    public const string AccessToken = "stand-in-access-token";

    /// <summary>https://127.0.0.1:PORT, the value for BotFramework:TokenAuthorityHost.</summary>
    public string AuthorityHost => _server.BaseAddress.ToString().TrimEnd('/');

    public IReadOnlyList<TokenRequest> Requests => _requests.ToArray();

    public static async Task<TokenStandIn> StartAsync()
    {
        var self = new TokenStandIn();
        self._server = await LoopbackServer.StartAsync(app => app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            self._requests.Enqueue(new TokenRequest(tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken });
        }), self._certificate);
        return self;
    }

    public void TrustCertificate(IServiceCollection services) =>
        services.AddHttpClient(BotHttpClients.Token).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
        });

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported so Kestrel gets a certificate whose private key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }
}
