namespace SelfServiceBot.BotFramework.Auth;

/// <summary>One spelling per serviceUrl, so trust checks and stored references compare equal.</summary>
public static class ServiceUrls
{
    /// <summary>
    /// Absolute http(s) URL, lower-case scheme and host, no query or fragment, ending in "/";
    /// null when the value is not such a URL.
    /// </summary>
    public static string? Normalize(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }
        var path = uri.GetLeftPart(UriPartial.Path);
        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>
    /// Where Azure Bot Service channels live: every channel's connector under botframework.com (the US government and
    /// Azure China clouds under their own domains), Teams on its service endpoints (public, GCC, GCC High, DoD).
    /// </summary>
    public static IReadOnlyList<string> BotConnectorHosts { get; } =
    [
        "*.botframework.com",
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
        "*.botframework.us",
        "*.botframework.azure.cn",
    ];

    /// <summary>
    /// True when the host matches an entry (exact, or "*.example.com" for sub-domains). An empty list means the
    /// <see cref="BotConnectorHosts"/> and this machine, never any host: a channel's serviceUrl is always one of them.
    /// </summary>
    public static bool IsHostAllowed(Uri serviceUrl, IReadOnlyCollection<string> allowedHosts)
    {
        if (allowedHosts.Count == 0)
        {
            return serviceUrl.IsLoopback || Matches(serviceUrl, BotConnectorHosts);
        }
        return Matches(serviceUrl, allowedHosts);
    }

    private static bool Matches(Uri serviceUrl, IReadOnlyCollection<string> allowedHosts)
    {
        var host = serviceUrl.IdnHost;
        foreach (var entry in allowedHosts)
        {
            var allowed = entry.Trim();
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
