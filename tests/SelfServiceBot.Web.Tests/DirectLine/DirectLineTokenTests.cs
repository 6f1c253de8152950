using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using SelfServiceBot.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SelfServiceBot.Web.Tests.DirectLine;

public class DirectLineTokenTests
{
    [Fact]
    public async Task In_local_mode_anyone_gets_a_token_whose_user_claim_Web_Chat_uses_as_its_user_id()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);

        var generated = await client.GenerateTokenAsync();

        var token = new JsonWebToken((string)generated["token"]!);
        Assert.Equal((string)generated["conversationId"]!, token.GetPayloadValue<string>("conv"));
        Assert.StartsWith("dl_", token.GetPayloadValue<string>("user"));
        Assert.Equal(1800, (int)generated["expires_in"]!);
    }

    [Fact]
    public async Task A_user_named_in_the_request_becomes_the_token_user()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);

        var generated = await client.GenerateTokenAsync(json: """{"user":{"id":"customer-42","name":"Ada"}}""");

        var token = new JsonWebToken((string)generated["token"]!);
        Assert.Equal("customer-42", token.GetPayloadValue<string>("user"));
        Assert.Equal("Ada", token.GetPayloadValue<string>("name"));
    }

    [Fact]
    public async Task A_refreshed_token_is_new_and_works_for_the_same_conversation()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var refreshed = await DirectLineTestClient.ReadOkAsync(await client.SendAsync(HttpMethod.Post, "tokens/refresh", token));
        var newToken = (string)refreshed["token"]!;

        Assert.Equal(conversationId, (string)refreshed["conversationId"]!);
        var list = await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", newToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_403_everywhere()
    {
        // A shifted clock rather than a one-second lifetime and a sleep: on a loaded machine starting the
        // conversation alone can take longer than a second.
        var clock = new ShiftableClock();
        using var app = new AppServer(new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "00:01:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "tokens/refresh", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}", token)).StatusCode);
        var post = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, """{"type":"message","text":"hi"}""");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("TokenInvalid", await DirectLineTestClient.ErrorCodeAsync(post));
    }

    [Fact]
    public async Task A_token_for_another_conversation_is_refused_with_403()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, _, _) = await client.StartAsync();
        var (_, otherToken, _) = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", otherToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenForOtherConversation", await DirectLineTestClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_forged_or_missing_token_is_refused()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();
        var forged = token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities", null)).StatusCode);
    }

    [Fact]
    public async Task With_a_secret_configured_only_the_secret_may_generate_tokens_or_start_conversations()
    {
        using var app = new AppServer(new Dictionary<string, string?> { ["DirectLine:Secret"] = "s3cret-for-tests" });
        using var client = new DirectLineTestClient(app);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, "tokens/generate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "tokens/generate", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, "conversations", null)).StatusCode);

        var generated = await client.GenerateTokenAsync(bearer: "s3cret-for-tests");
        var started = await client.SendAsync(HttpMethod.Post, "conversations", (string)generated["token"]!);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var withSecret = await client.SendAsync(HttpMethod.Post, "conversations", "s3cret-for-tests");
        Assert.Equal(HttpStatusCode.Created, withSecret.StatusCode);
    }
}
