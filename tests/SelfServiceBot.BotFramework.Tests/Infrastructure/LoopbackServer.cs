using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SelfServiceBot.BotFramework.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, for the services the bot talks to (key and token endpoints, connector).</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http(s)://127.0.0.1:PORT, no trailing slash.</summary>
    public Uri BaseAddress { get; }

    public string Url(string path) => BaseAddress.ToString().TrimEnd('/') + path;

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, X509Certificate2? httpsCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (httpsCertificate is not null)
            {
                listen.UseHttps(httpsCertificate);
            }
        }));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, new Uri(address.Replace("[::]", "127.0.0.1")));
    }

    /// <summary>A URL where nothing listens: a server that was started and stopped again.</summary>
    public static async Task<string> ClosedUrlAsync(string path)
    {
        await using var server = await StartAsync(_ => { });
        return server.Url(path);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
