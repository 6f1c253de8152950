using System.Text.Json;
using System.Text.Json.Serialization;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.BotFramework.Connector;

/// <summary>What the connector answers to a send, reply or update: the activity id it assigned.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>The body of <c>POST v3/conversations</c> (proactive: start a conversation with a user).</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public JsonElement? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

/// <summary>The connector's error body: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
internal sealed class ConnectorErrorResponse
{
    public ConnectorError? Error { get; set; }
}

internal sealed class ConnectorError
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}
