using System.Text.Json;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Data.Privacy;

namespace SelfServiceBot.Conversation.Input;

/// <summary>
/// What the customer sent: typed text (Web Chat buttons are imBack, i.e. text too) or, from a Teams
/// Adaptive Card Action.Submit, a <c>value</c> object with an <c>action</c> and its data. <see cref="Text"/> is masked
/// (card numbers, e-mail addresses, phone and ID numbers: <see cref="PersonalDataMasker"/>): it is what the bot searches,
/// stores, logs and shows to agents. <see cref="RawText"/> is what was typed, for the one place that needs it: the contact
/// details of an offline ticket.
/// </summary>
internal sealed record UserInput(string Text, string? CardAction, JsonElement? Value, string RawText = "", string? MaskedValue = null)
{
    public static UserInput From(Activity activity, PersonalDataMasker masker)
    {
        var raw = activity.Text?.Trim() ?? "";
        var text = masker.Mask(raw);
        string? action = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String)
        {
            action = a.GetString();
        }
        return new UserInput(text, action, activity.Value, raw, activity.Value is { } v ? masker.Mask(v.GetRawText()) : null);
    }

    public bool IsEmpty => Text.Length == 0 && CardAction is null;

    /// <summary>How the message reads in events and transcripts: the text, else the card data.</summary>
    public string Display => Text.Length > 0 ? Text : MaskedValue ?? "";

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
