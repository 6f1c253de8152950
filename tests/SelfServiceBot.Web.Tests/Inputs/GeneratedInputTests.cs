using System.Collections.Concurrent;
using CsCheck;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.DirectLine;
using SelfServiceBot.Web.Tests.Infrastructure;
using SelfServiceBot.Web.Tests.Messages;
using Xunit.Abstractions;

namespace SelfServiceBot.Web.Tests.Inputs;

/// <summary>
/// Ten thousand generated requests (<see cref="ProbeGen"/>) against /api/messages and every Direct Line route of the running
/// app: malformed, oversized, wrongly typed and invalid-Unicode activities and token requests, valid and foreign tokens.
/// None may get a 5xx; afterwards the app still answers a question on both channels, and its memory is back near where it
/// started. A failure prints CsCheck's seed: set CsCheck_Seed to it to replay the same requests.
/// </summary>
[Collection(nameof(GeneratedInputTests))]
public class GeneratedInputTests(ITestOutputHelper output)
{
    private const int Requests = 10_000;

    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory, MemberData(nameof(Providers))]
    public async Task Ten_thousand_generated_requests_get_no_5xx_and_the_app_still_answers_afterwards(string provider)
    {
        await using var postgres = provider == "Postgres" ? await TestPostgres.CreateAsync() : null;
        await using var connector = await ConnectorStandIn.StartAsync();
        // The rate limits off: 10,000 requests from one address are a flood by design, and what is tested here is that
        // each is answered cleanly (DirectLineFloodTests prove the limits).
        var settings = new Dictionary<string, string?>
        {
            ["DirectLine:Limits:StartsPerAddress"] = "0",
            ["DirectLine:Limits:PostsPerConversation"] = "0",
            ["DirectLine:Limits:StreamsPerConversation"] = "0",
        };
        if (postgres is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:SelfServiceBot"] = postgres.ConnectionString;
        }
        using var app = new AppServer(settings);
        using var session = new ProbeSession(app, connector.ServiceUrl);
        await session.StartAsync();
        await AssertAnswersAsync(app, connector, "before");
        var heapBefore = SettledHeap();

        var answered = new ConcurrentDictionary<(ProbeRoute, int), int>();
        await ProbeGen.All.SampleAsync(async probe =>
        {
            var status = await session.SendAsync(probe);
            answered.AddOrUpdate((probe.Route, status), 1, (_, n) => n + 1);
            Assert.True(status is >= 100 and < 500 || IsTheProtocolsAnswer(probe, status), $"{status} for {probe}");
        }, iter: Requests, threads: 4, writeLine: output.WriteLine);

        output.WriteLine(string.Join("\n", answered.OrderBy(a => a.Key).Select(a => $"{a.Key.Item1} {a.Key.Item2}: {a.Value}")));
        // Not all refused at the door: a good share got through to the bot and the stores.
        Assert.True(answered.Where(a => a.Key.Item2 is >= 200 and < 300).Sum(a => a.Value) > Requests / 10,
            "fewer than one request in ten was accepted: the generators no longer reach past validation");
        Assert.Contains(answered.Keys, k => k == (ProbeRoute.StreamSocket, 101));
        await AssertAnswersAsync(app, connector, "after");
        var heapAfter = SettledHeap();
        output.WriteLine($"GC heap {heapBefore / 1_048_576} MB before, {heapAfter / 1_048_576} MB after");
        Assert.True(heapAfter < heapBefore + 64 * 1_048_576, $"GC heap grew from {heapBefore / 1_048_576} MB to {heapAfter / 1_048_576} MB");
    }

    // Two 501s are answers, not failures: Direct Line upload is not supported (send attachments by URL), and an invoke
    // the bot does not handle is "not implemented" on /api/messages, as the Bot Framework SDK answers it.
    private static bool IsTheProtocolsAnswer(Probe probe, int status) => status == 501 && (probe.Route == ProbeRoute.Upload
        || (probe.Route == ProbeRoute.Messages && System.Text.Encoding.UTF8.GetString(probe.Body).Contains("\"invoke\"", StringComparison.Ordinal)));

    private static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task AssertAnswersAsync(AppServer app, ConnectorStandIn connector, string when)
    {
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        var id = await client.PostMessageAsync(conversationId, token, "How do I track my order?");
        var seen = await client.PollUntilAsync(conversationId, token, all => all.Any(a => DirectLineTestClient.IsBotReplyTo(a, id)));
        Assert.Contains("track your order", (string?)seen.First(a => DirectLineTestClient.IsBotReplyTo(a, id))["text"]);

        using var http = app.CreateHttpClient();
        var activity = ChannelRequests.Message(connector.ServiceUrl, "How do I track my order?", Channels.Emulator);
        var response = await ChannelRequests.PostAsync(http, activity, token: null);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages {when}: {(int)response.StatusCode}");
        Assert.Contains(connector.For(activity), r => BotJson.Deserialize<Activity>(r.Body)?.Text?.Contains("track your order") == true);
    }
}

/// <summary>Runs alone: the heap it measures is the whole test process's, which tests running beside it would move.</summary>
[CollectionDefinition(nameof(GeneratedInputTests), DisableParallelization = true)]
public sealed class GeneratedInputTestsCollection;
