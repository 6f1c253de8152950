using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Tests.Schema;

public class ActivitySerializationTests
{
    [Fact]
    public void Unknown_fields_survive_a_round_trip()
    {
        const string json = """
            {"type":"message","id":"1","text":"hi","futureField":{"a":[1,2]},
             "from":{"id":"u1","name":"Ann","customProp":true},
             "entities":[{"type":"clientInfo","locale":"en-US","country":"US"}],
             "channelData":{"tenant":{"id":"t1"}}}
            """;

        var activity = BotJson.Deserialize<Activity>(json)!;
        var back = JsonDocument.Parse(BotJson.Serialize(activity)).RootElement;

        Assert.Equal(2, back.GetProperty("futureField").GetProperty("a").GetArrayLength());
        Assert.True(back.GetProperty("from").GetProperty("customProp").GetBoolean());
        Assert.Equal("US", back.GetProperty("entities")[0].GetProperty("country").GetString());
        Assert.Equal("t1", activity.GetTenantId());
    }

    [Fact]
    public void Writes_camel_case_and_omits_nulls()
    {
        var json = BotJson.Serialize(new Activity { Type = ActivityTypes.Message, ReplyToId = "5" });

        Assert.Equal("""{"type":"message","replyToId":"5"}""", json);
    }

    [Fact]
    public void Reads_property_names_in_any_case()
    {
        var activity = BotJson.Deserialize<Activity>("""{"Type":"message","TEXT":"hello","ServiceUrl":"https://x/"}""")!;

        Assert.Equal("hello", activity.Text);
        Assert.Equal("https://x/", activity.ServiceUrl);
    }

    [Fact]
    public void A_reply_swaps_from_and_recipient_and_points_at_the_inbound_activity()
    {
        var inbound = new Activity
        {
            Type = ActivityTypes.Message, Id = "abc", ChannelId = "msteams", Locale = "zh-CN",
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            From = new ChannelAccount { Id = "29:user" }, Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "19:conv" },
        };

        var reply = inbound.CreateReply("你好");

        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
        Assert.Equal("abc", reply.ReplyToId);
        Assert.Equal("19:conv", reply.Conversation!.Id);
        Assert.Equal("zh-CN", reply.Locale);
    }
}
