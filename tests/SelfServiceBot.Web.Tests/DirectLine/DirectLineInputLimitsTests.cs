using System.Net;
using System.Text.Json.Nodes;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

/// <summary>What clients may send: byte caps (413), text that can be stored (400), user ids and names of bounded length, message text cut.</summary>
public class DirectLineInputLimitsTests
{
    // Raw JSON text: the \ud800 escapes reach the server as written (a C# string would be re-encoded as U+FFFD).
    [Theory]
    [InlineData("""{"type":"message","text":"hi","value":"\ud800"}""")]
    [InlineData("""{"type":"message","text":"hi","channelData":{"clientActivityID":"x","note":"a\udc00b"}}""")]
    [InlineData("""{"type":"message","text":"hi","attachments":[{"contentType":"application/json","content":{"t":"\ud83d"}}]}""")]
    [InlineData("""{"type":"message","text":"hi","somethingUnknown":["\udfff"]}""")]
    [InlineData("""{"type":"message","text":"hi","channelData":{"\ud800":1}}""")]
    [InlineData("""{"type":"message","text":"\ud800 alone"}""")]
    [InlineData("""{"type":"message","text":"nul \u0000 inside"}""")]
    public async Task An_activity_with_a_lone_surrogate_or_NUL_anywhere_gets_400_and_the_conversation_carries_on(string json)
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", await DirectLineTestClient.ErrorCodeAsync(response));
        var id = await client.PostMessageAsync(conversationId, token, "hello after the bad one");
        var log = await client.PollUntilAsync(conversationId, token, seen => seen.Any(a => (string?)a["replyToId"] == id));
        Assert.DoesNotContain(log, a => (string?)a["from"]!["role"] == "user" && (string?)a["text"] != "hello after the bad one");
    }

    [Fact]
    public async Task A_5_MB_activity_gets_413_with_a_Direct_Line_error_and_is_not_stored()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        var huge = new JsonObject { ["type"] = "message", ["text"] = "hi", ["channelData"] = new JsonObject { ["blob"] = new string('x', 5 * 1024 * 1024) } };

        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, huge.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", await DirectLineTestClient.ErrorCodeAsync(response));
        var log = (await client.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray();
        Assert.DoesNotContain(log, a => (string?)a!["from"]!["role"] == "user");
    }

    [Fact]
    public async Task An_activity_just_under_the_configured_cap_is_accepted_and_one_just_over_is_not()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["DirectLine:MaxActivityBytes"] = "2048" });
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        string Body(int size)
        {
            const string prefix = "{\"type\":\"message\",\"text\":\"hi\",\"channelData\":{\"pad\":\"";
            return prefix + new string('p', size - prefix.Length - 3) + "\"}}";
        }

        var fits = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, Body(2048));
        var over = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, Body(2049));

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
    }

    [Fact]
    public async Task A_5_MB_user_name_gets_413_and_a_long_one_400_instead_of_a_token()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var huge = new JsonObject { ["user"] = new JsonObject { ["id"] = "u1", ["name"] = new string('n', 5 * 1024 * 1024) } }.ToJsonString();
        var longName = new JsonObject { ["user"] = new JsonObject { ["id"] = "u1", ["name"] = new string('n', 257) } }.ToJsonString();

        var generateHuge = await client.SendAsync(HttpMethod.Post, "tokens/generate", null, huge);
        var generateLong = await client.SendAsync(HttpMethod.Post, "tokens/generate", null, longName);
        var startLong = await client.SendAsync(HttpMethod.Post, "conversations", null, longName);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, generateHuge.StatusCode);
        Assert.Equal("MessageSizeTooBig", await DirectLineTestClient.ErrorCodeAsync(generateHuge));
        Assert.Equal(HttpStatusCode.BadRequest, generateLong.StatusCode);
        Assert.Contains("user.name", await generateLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, startLong.StatusCode);
        var fine = await client.GenerateTokenAsync(json: new JsonObject { ["user"] = new JsonObject { ["id"] = "u1", ["name"] = new string('n', 256) } }.ToJsonString());
        Assert.NotNull((string?)fine["token"]);
    }

    [Fact]
    public async Task A_user_id_over_the_configured_length_gets_400()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["DirectLine:MaxUserIdLength"] = "16" });
        using var client = new DirectLineTestClient(app);

        var tooLong = await client.SendAsync(HttpMethod.Post, "tokens/generate", null, """{"user":{"id":"abcdefghijklmnopq"}}""");
        var fits = await client.SendAsync(HttpMethod.Post, "tokens/generate", null, """{"user":{"id":"abcdefghijklmnop"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task Message_text_over_the_limit_is_cut_before_it_is_stored_and_answered()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["DirectLine:MaxTextLength"] = "1000" });
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        // The cut falls between the halves of a surrogate pair: the pair goes, not half of it.
        var text = new string('a', 999) + "\U0001F600" + new string('b', 5000);

        var id = await client.PostMessageAsync(conversationId, token, text);

        var echo = (await client.GetActivitiesAsync(conversationId, token))["activities"]!.AsArray().Single(a => (string?)a!["id"] == id)!;
        Assert.Equal(new string('a', 999), (string?)echo["text"]);
    }

    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    // PostgreSQL enforces the width of the columns these land in; before the check a 65-character type was a 500 there.
    [Theory, MemberData(nameof(Providers))]
    public async Task An_activity_type_longer_than_64_characters_gets_400_on_either_database(string provider)
    {
        await using var postgres = provider == "Postgres" ? await TestPostgres.CreateAsync() : null;
        using var app = new AppServer(postgres is null ? null : new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:SelfServiceBot"] = postgres.ConnectionString,
        });
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token,
            new JsonObject { ["type"] = new string('t', 65), ["text"] = "hi" }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("type is longer than 64", await response.Content.ReadAsStringAsync());
        await client.PostMessageAsync(conversationId, token, "hello");
    }
}
