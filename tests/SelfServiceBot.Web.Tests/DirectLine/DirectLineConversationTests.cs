using System.Net;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.DirectLine;

public class DirectLineConversationTests
{
    [Fact]
    public async Task Starting_a_conversation_answers_201_with_an_absolute_stream_url_on_the_request_host()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var generated = await client.GenerateTokenAsync();

        var response = await client.SendAsync(HttpMethod.Post, "conversations", (string)generated["token"]!, """{"locale":"zh-CN"}""");
        var body = await DirectLineTestClient.ReadOkAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((string)generated["conversationId"]!, (string)body["conversationId"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["token"]));
        Assert.True((int)body["expires_in"]! > 0);
        var streamUrl = new Uri((string)body["streamUrl"]!);
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Equal(app.BaseAddress.Authority, streamUrl.Authority);
        Assert.Equal($"/v3/directline/conversations/{generated["conversationId"]}/stream", streamUrl.AbsolutePath);
        Assert.Contains("t=", streamUrl.Query);
    }

    [Fact]
    public async Task Starting_the_same_conversation_again_answers_200()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var again = await client.SendAsync(HttpMethod.Post, "conversations", token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(conversationId, (string)(await DirectLineTestClient.ReadOkAsync(again))["conversationId"]!);
    }

    [Fact]
    public async Task In_local_mode_a_conversation_can_be_started_without_a_token()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);

        var response = await client.SendAsync(HttpMethod.Post, "conversations", null);
        var body = await DirectLineTestClient.ReadOkAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await client.SendAsync(HttpMethod.Get, $"conversations/{body["conversationId"]}/activities", (string)body["token"]!);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task Reconnecting_gives_a_new_stream_url_that_resumes_after_the_watermark()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, streamUrl) = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark=3", token);
        var body = await DirectLineTestClient.ReadOkAsync(response);

        var reconnectUrl = (string)body["streamUrl"]!;
        Assert.NotEqual(streamUrl, reconnectUrl);
        Assert.StartsWith($"ws://{app.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t=", reconnectUrl);
        Assert.EndsWith("&watermark=3", reconnectUrl);
        Assert.Equal(conversationId, (string)body["conversationId"]!);
    }

    [Fact]
    public async Task A_conversation_that_was_never_started_answers_404()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var generated = await client.GenerateTokenAsync();
        var id = (string)generated["conversationId"]!;
        var token = (string)generated["token"]!;

        var list = await client.SendAsync(HttpMethod.Get, $"conversations/{id}/activities", token);
        var post = await client.SendAsync(HttpMethod.Post, $"conversations/{id}/activities", token, """{"type":"message","text":"hi"}""");
        var reconnect = await client.SendAsync(HttpMethod.Get, $"conversations/{id}", token);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reconnect.StatusCode);
        Assert.Equal("ConversationNotFound", await DirectLineTestClient.ErrorCodeAsync(list));
    }

    [Theory]
    [InlineData("conversations", "{not json")]
    [InlineData("conversations", """{"locale":"en US; drop"}""")]
    [InlineData("conversations", """{"user":{"id":""}}""")]
    [InlineData("tokens/generate", "[1,2]")]
    public async Task A_malformed_start_request_answers_400(string path, string body)
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);

        var response = await client.SendAsync(HttpMethod.Post, path, null, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", await DirectLineTestClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Uploads_answer_501_with_an_explanation()
    {
        using var app = new AppServer();
        using var client = new DirectLineTestClient(app);
        var (conversationId, token, _) = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Post, $"conversations/{conversationId}/upload?userId=x", token);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("NotImplemented", await DirectLineTestClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Pages_on_other_origins_may_call_with_Authorization_and_x_ms_bot_agent()
    {
        using var app = new AppServer();
        using var http = app.CreateHttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,x-ms-bot-agent,content-type");

        var response = await http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowed);
        Assert.Contains("x-ms-bot-agent", allowed);
    }
}
