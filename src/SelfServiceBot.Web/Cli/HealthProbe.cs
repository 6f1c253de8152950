namespace SelfServiceBot.Web.Cli;

/// <summary>
/// `health`: a container health check that needs no curl in the runtime image. It asks the server where the server
/// listens: the URL given, else the first http address of the configured urls (ASPNETCORE_URLS, or urls in the settings),
/// with a wildcard host (+, *, 0.0.0.0, [::]) asked at localhost; readiness by default, liveness with --live.
/// </summary>
internal static class HealthProbe
{
    public const string DefaultUrls = "http://localhost:3978";

    public const string Usage = """
          SelfServiceBot.Web health [URL] [--live]
                                             exit 0 when the server answers 200 at URL, else 1. URL: the first http address of
                                             ASPNETCORE_URLS / urls (default http://localhost:3978), path /health/ready
                                             (--live: /health/live, the process only); a URL with a path is asked as it is
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        Uri target;
        try
        {
            var cli = new CliArguments(args, "live");
            if (cli.Positional.Count > 1)
            {
                throw new CliUsageException($"health takes one URL at most, not '{string.Join(' ', cli.Positional)}'");
            }
            var given = cli.Positional.Count == 1 ? cli.Positional[0] : null;
            target = Target(given, given is null ? ConfiguredUrls() : null, cli.Has("live"));
        }
        catch (CliUsageException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(target);
            Console.WriteLine($"{target}: {(int)response.StatusCode}");
            Console.WriteLine(await response.Content.ReadAsStringAsync());
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{target}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The URL to ask: <paramref name="given"/> (a path of its own is kept), else from <paramref name="configuredUrls"/>.</summary>
    internal static Uri Target(string? given, string? configuredUrls, bool live)
    {
        var path = live ? Health.HealthEndpoints.LivePath : Health.HealthEndpoints.ReadyPath;
        if (given is not null)
        {
            if (!Uri.TryCreate(given, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new CliUsageException($"'{given}' is not an http(s) URL, e.g. http://localhost:3978");
            }
            return url.AbsolutePath is "/" ? new Uri(url, path) : url;
        }
        var urls = (configuredUrls is { Length: > 0 } configured ? configured : DefaultUrls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? urls.FirstOrDefault()
            ?? throw new CliUsageException("the configured urls are empty");
        if (!Uri.TryCreate(Localhost(chosen), UriKind.Absolute, out var address))
        {
            throw new CliUsageException($"the configured url '{chosen}' is not a URL");
        }
        return new Uri(address, path);
    }

    // Kestrel's "any address" forms are where the server listens, not an address to ask: the probe runs beside it.
    private static string Localhost(string url)
    {
        var hostStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var rest = url[hostStart..];
        foreach (var any in new[] { "+", "*", "0.0.0.0", "[::]" })
        {
            if (rest.StartsWith(any, StringComparison.Ordinal) && (rest.Length == any.Length || rest[any.Length] is ':' or '/'))
            {
                return url[..hostStart] + "localhost" + rest[any.Length..];
            }
        }
        return url;
    }

    /// <summary>The server's urls as the server reads them: the urls setting (appsettings, URLS) or ASPNETCORE_URLS.</summary>
    private static string? ConfiguredUrls()
    {
        var configuration = CliHost.CreateBuilder().Configuration;
        return configuration["urls"] is { Length: > 0 } urls ? urls : configuration["ASPNETCORE_URLS"];
    }
}
