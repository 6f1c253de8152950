using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel), with its own SQLite file, so tests talk HTTP and
/// WebSocket exactly as a browser or a channel would. Extra settings override appsettings.json; extra services
/// (registered after the app's own) replace them, e.g. a test bot or an HttpClient handler.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataDirectory;
    private readonly Action<IServiceCollection>? _services;

    public AppServer(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _dataDirectory = Path.Combine(Path.GetTempPath(), "ssb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:SelfServiceBot"] = $"Data Source={Path.Combine(_dataDirectory, "bot.db")}",
            ["Database:Provider"] = "Sqlite",
            ["MicrosoftAppId"] = "",
            // Lexical ranking unless a test asks for the sentence encoder (Knowledge/HybridRankingTests): the local model
            // costs seconds to load and embed the sample knowledge base's phrasings, at every start that does not find them.
            ["Knowledge:Embeddings:Provider"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        UseKestrel(0);
        StartServer();
    }

    public string DataDirectory => _dataDirectory;

    /// <summary>http://127.0.0.1:PORT, no trailing slash.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
