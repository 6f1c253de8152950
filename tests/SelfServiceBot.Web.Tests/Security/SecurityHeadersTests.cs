using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.SignIn;

namespace SelfServiceBot.Web.Tests.Security;

/// <summary>The headers every response carries, the framing rules, HSTS and Secure cookies behind a TLS proxy.</summary>
public partial class SecurityHeadersTests
{
    private const string Password = "Correct-horse-9";

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/agent")]
    [InlineData("/reports/costs")]
    [InlineData("/api/costs/report")]
    public async Task Staff_pages_and_APIs_can_never_be_framed_and_run_only_the_sites_own_scripts(string path)
    {
        using var app = new AppServer();
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync(path);
        var csp = Header(response, "Content-Security-Policy");

        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task The_chat_page_may_be_framed_by_the_site_and_the_configured_origins_only()
    {
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["SecurityHeaders:ChatFrameAncestors:0"] = "https://shop.example.com",
            ["SecurityHeaders:ChatFrameAncestors:1"] = "https://help.example.cn:8443",
        });
        using var http = app.CreateHttpClient();

        var page = await http.GetAsync("/");
        var script = await http.GetAsync("/js/chat.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("frame-ancestors 'self' https://shop.example.com https://help.example.cn:8443", Header(page, "Content-Security-Policy"));
        Assert.Contains("script-src 'self';", Header(page, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(script, "X-Content-Type-Options"));
        Assert.Null(Header(page, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://shop.example.com; script-src *")]
    [InlineData("https://shop.example.com/embed")]
    public void A_framing_origin_that_is_not_an_origin_stops_the_start(string origin)
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var app = new AppServer(new Dictionary<string, string?> { ["SecurityHeaders:ChatFrameAncestors:0"] = origin });
        });

        Assert.Contains("is not an origin such as https://www.example.com", error.ToString());
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_HSTS_is_sent_and_every_staff_cookie_is_Secure_HttpOnly_and_SameSite()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["ForwardedHeaders_Enabled"] = "true" });
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await http.GetAsync("/account/sign-in");
        var antiforgery = SetCookies(page).Single();
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = "anna@example.com", ["password"] = Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await http.SendAsync(post);
        var staff = SetCookies(signedIn).Single(c => c.StartsWith("ssb.staff=", StringComparison.Ordinal));
        var language = SetCookies(await http.GetAsync("/account/language?culture=zh-CN")).Single();
        using var plain = app.CreateHttpClient();
        var overHttp = await plain.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal($"max-age={(long)TimeSpan.FromDays(180).TotalSeconds}", Header(page, "Strict-Transport-Security"));
        foreach (var cookie in new[] { antiforgery, staff, language })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("; samesite=(lax|strict)", cookie.ToLowerInvariant());
        }
        Assert.Null(Header(overHttp, "Strict-Transport-Security"));
        Assert.DoesNotContain("; secure", SetCookies(overHttp).Single(), StringComparison.OrdinalIgnoreCase);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
