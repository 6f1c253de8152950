namespace SelfServiceBot.Web.Hosting;

/// <summary>
/// Where the server finds appsettings.json and resolves relative paths (data/, the knowledge base, the index).
/// ASP.NET Core's default is the working directory, so a server started from elsewhere (a service manager's
/// default of "/", a script in another folder) silently ran without its settings. The working directory still
/// wins when it holds an appsettings.json (a checkout, the container's /app); otherwise the folder of the
/// executable, where a build or publish puts appsettings.json. <c>--contentRoot</c> or ASPNETCORE_CONTENTROOT
/// (tests' WebApplicationFactory sets one) decide instead: null leaves the choice to them.
/// </summary>
internal static class ContentRoot
{
    public static string? Resolve(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")))
        {
            return null;
        }
        return Default();
    }

    /// <summary>The CLI's: the server's, so `costs` and `kb` verbs see the same settings, database and index.</summary>
    public static string ForCli() =>
        Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 } explicitRoot ? explicitRoot : Default();

    private static string Default()
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(workingDirectory, "appsettings.json")) ? workingDirectory : AppContext.BaseDirectory;
    }
}
