using System.Net;
using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Web.Tests.Messages;

/// <summary>What /api/messages answers to bodies that are not an activity; checked before the token, as in the SDK.</summary>
public sealed class MessagesRequestTests(AuthenticatedBotFixture f) : IClassFixture<AuthenticatedBotFixture>
{
    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var activity = ChannelRequests.Message(f.Connector.ServiceUrl, new string('x', 256 * 1024));

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(f.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details()
    {
        var response = await ChannelRequests.PostRawAsync(f.Client, """{"type":"message","text":""", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_activity_without_a_type_gets_400()
    {
        var activity = ChannelRequests.Message(f.Connector.ServiceUrl);
        activity.Type = null;

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(f.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no type", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_json_value_that_is_not_an_object_gets_400()
    {
        var response = await ChannelRequests.PostRawAsync(f.Client, "[1,2,3]", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_just_under_the_limit_is_accepted()
    {
        var activity = ChannelRequests.Message(f.Connector.ServiceUrl, new string('y', 200 * 1024));

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(f.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ActivityTypes.Message, Assert.Single(f.Bot.Seen(activity.Conversation!.Id!)).Type);
    }

    [Theory]
    [InlineData("""{"channelData":{"note":"\ud800"},""")]
    [InlineData("""{"value":["\udc00"],""")]
    [InlineData("""{"unknownProperty":{"\ud83d":"x"},""")]
    public async Task An_activity_with_a_lone_surrogate_gets_400_problem_details(string prefix)
    {
        var activity = ChannelRequests.Message(f.Connector.ServiceUrl);
        var body = prefix + BotJson.Serialize(activity)[1..];

        var response = await ChannelRequests.PostRawAsync(f.Client, body, f.TeamsToken(f.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be stored", await response.Content.ReadAsStringAsync());
        Assert.Empty(f.Bot.Seen(activity.Conversation!.Id!));
    }

    [Fact]
    public async Task Message_text_over_4000_characters_reaches_the_bot_cut_to_4000()
    {
        var activity = ChannelRequests.Message(f.Connector.ServiceUrl, new string('z', 10_000));

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(f.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new string('z', 4000), Assert.Single(f.Bot.Seen(activity.Conversation!.Id!)).Text);
    }

    [Fact]
    public async Task A_conversation_id_longer_than_500_characters_gets_400()
    {
        var activity = ChannelRequests.Message(f.Connector.ServiceUrl, conversationId: "a:" + new string('c', 500));

        var response = await ChannelRequests.PostAsync(f.Client, activity, f.TeamsToken(f.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation.id is longer than 500", await response.Content.ReadAsStringAsync());
    }
}
