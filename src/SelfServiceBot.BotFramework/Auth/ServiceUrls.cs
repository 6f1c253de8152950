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

    /// <summary>True when the host matches an entry (exact, or "*.example.com" for sub-domains), or the list is empty.</summary>
    public static bool IsHostAllowed(Uri serviceUrl, IReadOnlyCollection<string> allowedHosts)
    {
        if (allowedHosts.Count == 0)
        {
            return true;
        }
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
