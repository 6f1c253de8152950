using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SelfServiceBot.Web.Tests.Browser;

/// <summary>
/// One headless Debian chromium per test class, driven by Playwright. Playwright's own browser
/// download is not used (the machines cannot reach it): scripts/install-test-deps.sh installs chromium.
/// Every page's Content-Security-Policy violations are collected: a test class whose pages broke the policy fails at
/// cleanup, so each browser test also proves its page works under the CSP (scripts, styles, Chart.js, SignalR, Web Chat).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private readonly ConcurrentQueue<string> _cspViolations = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run scripts/install-test-deps.sh.");
        }
        // Generous: the first render parses a 4 MB bundle, on two busy cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1200, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _cspViolations.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        return await context.NewPageAsync();
    }

    /// <summary>The violations so far, removed from the fixture (for a test that provokes one on purpose).</summary>
    public IReadOnlyList<string> TakeCspViolations()
    {
        var taken = new List<string>();
        while (_cspViolations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }
        return taken;
    }

    public async Task DisposeAsync()
    {
        if (TakeCspViolations() is { Count: > 0 } violations)
        {
            throw new InvalidOperationException("The pages broke their Content-Security-Policy:\n" + string.Join("\n", violations));
        }
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
