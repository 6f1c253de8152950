using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfServiceBot.BotFramework.DirectLine;

/// <summary>Answer of tokens/generate, tokens/refresh, POST and GET conversations (streamUrl only for the latter two).</summary>
public sealed record DirectLineConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>What GET activities answers and what each WebSocket text frame carries.</summary>
public sealed record DirectLineActivitySet(IReadOnlyList<JsonElement> Activities, string? Watermark);

public sealed record DirectLineResourceResponse(string Id);

/// <summary>Direct Line's error shape, <c>{"error":{"code","message"}}</c>, so existing clients can read it.</summary>
public sealed record DirectLineError(DirectLineErrorBody Error);

public sealed record DirectLineErrorBody(string Code, string Message);

/// <summary>The optional body of tokens/generate and POST conversations.</summary>
public sealed class DirectLineStartRequest
{
    public DirectLineUser? User { get; set; }
    public string? Locale { get; set; }
}

public sealed class DirectLineUser
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}
