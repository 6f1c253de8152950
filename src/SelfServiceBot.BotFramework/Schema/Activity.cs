using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfServiceBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity as it travels on the wire (camelCase JSON, nulls omitted).
/// Fields this model does not name are kept in <see cref="Extra"/> and written back unchanged,
/// so nothing a channel sends is lost.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<MessageReaction>? ReactionsAdded { get; set; }
    public List<MessageReaction>? ReactionsRemoved { get; set; }
    public string? Action { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? ReplyToId { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public string? ValueType { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? DeliveryMode { get; set; }
    public string? CallerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Builds a reply: from/recipient swapped, conversation, channel and locale copied, replyToId set.</summary>
    public Activity CreateReply(string? text = null)
    {
        return new Activity
        {
            Type = ActivityTypes.Message,
            From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = "bot" },
            Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, Role = From.Role, AadObjectId = From.AadObjectId },
            Conversation = Conversation,
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            ReplyToId = Id,
            Locale = Locale,
            Text = text,
            TextFormat = text is null ? null : TextFormats.Markdown,
        };
    }

    /// <summary>The reference a bot needs to write into this conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>channelData.tenant.id (Teams), else conversation.tenantId.</summary>
    public string? GetTenantId()
    {
        if (ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant)
            && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }
        return Conversation?.TenantId;
    }
}
