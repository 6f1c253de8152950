using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Conversation.Input;

/// <summary>
/// What the customer sent: typed text (Web Chat buttons are imBack, i.e. text too) or, from a Teams
/// Adaptive Card Action.Submit, a <c>value</c> object with an <c>action</c> and its data.
/// </summary>
internal sealed record UserInput(string Text, string? CardAction, JsonElement? Value)
{
    public static UserInput From(Activity activity)
    {
        var text = activity.Text?.Trim() ?? "";
        string? action = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String)
        {
            action = a.GetString();
        }
        return new UserInput(text, action, activity.Value);
    }

    public bool IsEmpty => Text.Length == 0 && CardAction is null;

    /// <summary>How the message reads in events and transcripts: the text, else the card data.</summary>
    public string Display => Text.Length > 0 ? Text : Value?.GetRawText() ?? "";

    public string? ValueString(string name) =>
        Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : null;

    public bool? ValueBool(string name) =>
        Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(name, out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? p.GetBoolean()
            : null;
}

/// <summary>The <c>action</c> values the bot's own Adaptive Cards submit.</summary>
internal static class CardActions
{
    public const string Feedback = "feedback";
    public const string Clarify = "clarify";
    public const string ClarifyNone = "clarify_none";
    public const string Handoff = "handoff";
    public const string AskElse = "ask_else";
    public const string CancelHandoff = "cancel_handoff";
}
