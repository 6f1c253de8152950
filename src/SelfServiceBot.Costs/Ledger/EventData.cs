using System.Globalization;
using System.Text.Json;

namespace SelfServiceBot.Costs.Ledger;

/// <summary>Tolerant reads of an event's DataJson: a missing or malformed field is null, never an exception.</summary>
internal readonly struct EventData
{
    private readonly JsonElement _root;

    private EventData(JsonElement root) => _root = root;

    public static EventData Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return default;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? new EventData(document.RootElement.Clone()) : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public string? String(string name) =>
        Get(name) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public bool? Bool(string name) => Get(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } e when bool.TryParse(e.GetString(), out var b) => b,
        _ => null,
    };

    public decimal? Decimal(string name) => Get(name) switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } e when decimal.TryParse(e.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private JsonElement? Get(string name) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) ? value : null;
}
