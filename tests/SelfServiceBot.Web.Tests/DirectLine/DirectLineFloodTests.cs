using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>
/// One customer floods the Direct Line endpoint with activities while another asks their questions: the flood is cut off
/// at the configured allowance with 429 and Retry-After, and the other customer's turns are answered all the while.
/// </summary>
public sealed class DirectLineFloodTests
{
    private const int Allowance = 10;
    private const int FloodSize = 120;

    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_flooding_client_gets_429_with_retry_after_while_another_customers_turns_are_answered(string provider)
    {
        await using var postgres = provider == "Postgres" ? await TestPostgres.CreateAsync() : null;
        var settings = new Dictionary<string, string?>
        {
            ["DirectLine:Limits:PostsPerConversation"] = Allowance.ToString(CultureInfo.InvariantCulture),
            // Longer than the test: every post of the flood falls in one window, so exactly the allowance gets through.
            ["DirectLine:Limits:PostWindow"] = "00:30:00",
        };
        if (postgres is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:SelfServiceBot"] = postgres.ConnectionString;
        }
        using var app = new AppServer(settings);
        using var flooder = new DirectLineTestClient(app);
        using var customer = new DirectLineTestClient(app);
        var flood = await flooder.StartAsync();
        var calm = await customer.StartAsync();

        var flooding = Task.WhenAll(Enumerable.Range(0, 8).Select(worker => FloodAsync(flooder, flood.ConversationId, flood.Token, worker)));
        var answered = new List<string>();
        foreach (var question in new[] { "How do I track my order?", "Can I return a gift?", "What are your opening hours?" })
        {
            var id = await customer.PostMessageAsync(calm.ConversationId, calm.Token, question);
            await customer.PollUntilAsync(calm.ConversationId, calm.Token, seen => seen.Any(a => DirectLineTestClient.IsBotReplyTo(a, id)));
            answered.Add(id);
        }
        var responses = (await flooding).SelectMany(r => r).ToList();

        Assert.Equal(3, answered.Count);
        Assert.Equal(FloodSize, responses.Count);
        Assert.Equal(Allowance, responses.Count(r => r.Status != HttpStatusCode.TooManyRequests));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.TooManyRequests), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var throttled = responses.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(FloodSize - Allowance, throttled.Count);
        Assert.All(throttled, r =>
        {
            Assert.InRange(r.RetryAfterSeconds ?? -1, 1, 30 * 60);
            Assert.Equal("TooManyRequests", r.ErrorCode);
        });
        // The customer who kept to the allowance was never throttled, and the flooder's own conversation still reads.
        var log = await flooder.GetActivitiesAsync(flood.ConversationId, flood.Token);
        Assert.Equal(Allowance, log["activities"]!.AsArray().Count(a => ((string?)a!["text"])?.StartsWith("spam ", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task One_address_starting_conversations_in_a_loop_is_throttled_while_others_still_start_theirs()
    {
        // Behind the proxy the client is the forwarded address (deploy/ sets ASPNETCORE_FORWARDEDHEADERS_ENABLED=true).
        using var app = new AppServer(new Dictionary<string, string?>
        {
            ["FORWARDEDHEADERS_ENABLED"] = "true",
            ["DirectLine:Limits:StartsPerAddress"] = "5",
            ["DirectLine:Limits:StartWindow"] = "00:30:00",
        });
        using var http = app.CreateHttpClient();

        // The looping client claims another address each time; the proxy appends the one it saw, and only that counts.
        var looping = new List<Result>();
        for (var i = 0; i < 8; i++)
        {
            looping.Add(await SendAsync(http, "tokens/generate", from: $"198.51.100.{100 + i}, 203.0.113.9"));
        }
        var neighbour = await SendAsync(http, "tokens/generate", from: "203.0.113.10");
        var startedElsewhere = await SendAsync(http, "conversations", from: "198.51.100.2", bearer: null);
        // One IPv6 subscriber holds a whole /64: its addresses share one allowance.
        var sixes = new List<Result>();
        for (var i = 1; i <= 6; i++)
        {
            sixes.Add(await SendAsync(http, "tokens/generate", from: $"2001:db8:1:2::{i}"));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)],
            looping.Select(r => r.Status));
        Assert.All(looping.Skip(5), r => Assert.InRange(r.RetryAfterSeconds ?? -1, 1, 30 * 60));
        // Web Chat on another origin can read the 429 (the limit runs after CORS).
        Assert.All(looping, r => Assert.Equal("*", r.AllowOrigin));
        Assert.Equal(HttpStatusCode.OK, neighbour.Status);
        Assert.Equal(HttpStatusCode.Created, startedElsewhere.Status);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], sixes.Select(r => r.Status));
    }

    private sealed record Result(HttpStatusCode Status, int? RetryAfterSeconds, string? ErrorCode, string? AllowOrigin = null);

    private static async Task<List<Result>> FloodAsync(DirectLineTestClient client, string conversationId, string token, int worker)
    {
        var results = new List<Result>();
        for (var i = 0; i < FloodSize / 8; i++)
        {
            var activity = new JsonObject { ["type"] = "message", ["text"] = $"spam {worker}-{i}", ["from"] = new JsonObject { ["id"] = "flooder" } };
            using var response = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, activity.ToJsonString());
            results.Add(await ResultOfAsync(response));
        }
        return results;
    }

    private static async Task<Result> SendAsync(HttpClient http, string path, string from, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/{path}")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", from);
        request.Headers.Add("Origin", "https://shop.example");
        using var response = await http.SendAsync(request);
        return await ResultOfAsync(response);
    }

    private static async Task<Result> ResultOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var code = response.StatusCode == HttpStatusCode.TooManyRequests ? (string?)JsonNode.Parse(body)?["error"]?["code"] : null;
        var origin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        return new Result(response.StatusCode, (int?)response.Headers.RetryAfter?.Delta?.TotalSeconds, code, origin);
    }
}
