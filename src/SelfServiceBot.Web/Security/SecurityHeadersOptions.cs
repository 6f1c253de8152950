namespace SelfServiceBot.Web.Security;

/// <summary>The <c>SecurityHeaders</c> section: who may frame the chat page, and how long browsers keep to HTTPS.</summary>
public sealed class SecurityHeadersOptions
{
    public const string SectionName = "SecurityHeaders";

    /// <summary>
    /// Origins allowed to embed the public pages (the chat at /) in a frame, e.g. https://www.example.com, besides the
    /// site itself. Staff pages can never be framed.
    /// </summary>
    public List<string> ChatFrameAncestors { get; set; } = [];

    /// <summary>Strict-Transport-Security max-age, sent on requests that arrived over HTTPS (directly or per X-Forwarded-Proto). Zero: not sent.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(180);

    /// <summary>The origins as CSP source expressions; anything that is not a plain http(s) origin is refused at start.</summary>
    public IReadOnlyList<string>? Check()
    {
        var errors = ChatFrameAncestors
            .Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || o.EndsWith('/') || o.Any(char.IsWhiteSpace) || o.Contains(';'))
            .Select(o => $"SecurityHeaders:ChatFrameAncestors: '{o}' is not an origin such as https://www.example.com")
            .ToList();
        if (HstsMaxAge < TimeSpan.Zero)
        {
            errors.Add("SecurityHeaders:HstsMaxAge must not be negative");
        }
        return errors.Count == 0 ? null : errors;
    }
}
