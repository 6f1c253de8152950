using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

/// <summary>
/// A browser-like HTTP client for the staff pages: keeps cookies, does not follow redirects (tests look at them),
/// asks for HTML, and fills in the anti-forgery token the way the page's form would.
/// </summary>
public sealed partial class StaffClient : IDisposable
{
    private readonly HttpClient _http;

    public StaffClient(AppServer app, string? acceptLanguage = null)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        if (acceptLanguage is not null)
        {
            _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Loads <paramref name="pagePath"/>, takes its form's anti-forgery token and posts <paramref name="fields"/> to <paramref name="postPath"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, IDictionary<string, string> fields, string? postPath = null)
    {
        var page = await (await _http.GetAsync(pagePath)).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No anti-forgery token on {pagePath}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await _http.PostAsync(postPath ?? pagePath, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> PostWithoutTokenAsync(string path, IDictionary<string, string> fields) =>
        _http.PostAsync(path, new FormUrlEncodedContent(fields));

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        _http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> SignInAsync(string email, string password, string? returnUrl = null) =>
        PostFormAsync(SignInExtensions.SignInPath + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"),
            new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["returnUrl"] = returnUrl ?? "" });

    /// <summary>Creates a user with a password of their own (not one-time) through the app's own services.</summary>
    public static async Task CreateUserAsync(AppServer app, string email, string password, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, roles, password, mustChangePassword: false);
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
