using System.Net.Http.Headers;
using System.Text;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.BotFramework.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Messages;

/// <summary>Builds channel activities and posts them to /api/messages.</summary>
public static class ChannelRequests
{
    public const string BotId = "28:test-bot";

    public static Activity Message(string serviceUrl, string text = "hi", string channelId = Channels.MsTeams, string? conversationId = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "msg-" + Guid.NewGuid().ToString("N")[..8],
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:customer", Name = "Customer" },
        Recipient = new ChannelAccount { Id = BotId, Name = "Support" },
        Conversation = new ConversationAccount { Id = conversationId ?? "a:" + Guid.NewGuid().ToString("N") },
        Locale = "en-US",
        Text = text,
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, Activity activity, string? token) =>
        PostRawAsync(client, BotJson.Serialize(activity), token);

    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The connector requests that belong to one conversation.</summary>
    public static IReadOnlyList<ConnectorRequest> For(this ConnectorStandIn connector, Activity activity) =>
        connector.Requests.Where(r => r.Path.StartsWith($"/v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/", StringComparison.Ordinal)).ToArray();
}
