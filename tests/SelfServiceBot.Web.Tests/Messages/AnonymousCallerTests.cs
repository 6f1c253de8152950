using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Messages;

/// <summary>
/// With no MicrosoftAppId outside Development, /api/messages is for this machine only (the Emulator, a benchmark), unless
/// Bot:AllowAnonymous says otherwise. The callers come through a proxy (forwarded headers on, as in deploy/), so the
/// address the app judges is the forwarded one.
/// </summary>
public sealed class AnonymousCallerTests
{
    private const string Internet = "203.0.113.7";

    [Theory]
    [InlineData(DeliveryModes.Normal)]
    [InlineData(DeliveryModes.ExpectReplies)]
    public async Task In_production_without_an_app_id_a_caller_from_elsewhere_gets_401_and_the_bot_never_sees_the_activity(string deliveryMode)
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var bot = new RecordingBot();
        using var app = App(bot, "Production");
        var activity = ChannelRequests.Message(connector.ServiceUrl, "who else talks here?", Channels.Emulator);
        activity.DeliveryMode = deliveryMode;

        var response = await PostAsync(app, activity, from: Internet);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(bot.Seen(activity.Conversation!.Id!));
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task In_production_without_an_app_id_a_caller_on_this_machine_is_still_answered()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var bot = new RecordingBot();
        using var app = App(bot, "Production");
        var activity = ChannelRequests.Message(connector.ServiceUrl, "local", Channels.Emulator);

        var response = await PostAsync(app, activity, from: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Seen(activity.Conversation!.Id!));
        Assert.Equal(Environments.Production, app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
    }

    [Theory]
    [InlineData("Production", "true")]
    [InlineData("Development", null)]
    public async Task Allow_anonymous_or_development_lets_a_caller_from_elsewhere_in(string environment, string? allowAnonymous)
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var bot = new RecordingBot();
        using var app = App(bot, environment, allowAnonymous);
        var activity = ChannelRequests.Message(connector.ServiceUrl, "open door", Channels.Emulator);

        var response = await PostAsync(app, activity, from: Internet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Seen(activity.Conversation!.Id!));
    }

    [Theory]
    [InlineData("true", LogLevel.Error, "Bot:AllowAnonymous=true")]
    [InlineData(null, LogLevel.Warning, "callers on this machine only")]
    public void At_start_production_without_an_app_id_says_who_may_call_and_allow_anonymous_is_an_error(
        string? allowAnonymous, LogLevel level, string says)
    {
        var logs = new StartLog();
        using var app = App(new RecordingBot(), "Production", allowAnonymous, logs);

        var entry = Assert.Single(logs.Entries, e => e.Category.EndsWith(".BotAuthStartupLog", StringComparison.Ordinal));
        Assert.Equal(level, entry.Level);
        Assert.Contains(says, entry.Message);
    }

    private static AppServer App(RecordingBot bot, string environment, string? allowAnonymous = null, StartLog? logs = null) => new(
        new Dictionary<string, string?>
        {
            ["environment"] = environment,
            ["FORWARDEDHEADERS_ENABLED"] = "true",
            ["Bot:AllowAnonymous"] = allowAnonymous,
        },
        s =>
        {
            s.AddSingleton<IBot>(bot);
            if (logs is not null)
            {
                s.AddSingleton<ILoggerProvider>(logs);
            }
        });

    private sealed class StartLog : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(AppServer app, Activity activity, string? from)
    {
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(BotJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (from is not null)
        {
            request.Headers.Add("X-Forwarded-For", from);
        }
        return await client.SendAsync(request);
    }
}
