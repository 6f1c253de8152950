using System.Globalization;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;

namespace SelfServiceBot.Costs.Import;

/// <summary>The contract's contact CSV: parsing a row into a contact (or a reason it is refused), and writing contacts back.</summary>
public static class ContactCsv
{
    public static readonly string[] Columns =
    [
        "contact_id", "customer_id", "channel", "locale", "started_at", "ended_at", "outcome", "category", "article_id",
        "escalation_reason", "handle_minutes", "csat", "llm_input_tokens", "llm_output_tokens",
    ];

    public static string Header => string.Join(',', Columns);

    /// <summary>Maps each column name to its index, or says which are missing.</summary>
    internal static Dictionary<string, int> ReadHeader(List<string> header)
    {
        var index = header.Select((name, i) => (name: name.Trim().TrimStart('\uFEFF').ToLowerInvariant(), i))
            .GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().i);
        var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"line 1: the header lacks {string.Join(", ", missing)}; expected: {Header}");
        }
        return index;
    }

    /// <summary>A contact from a row, or the first reason the row is refused.</summary>
    internal static (ContactRecord? Contact, string? Error) Parse(List<string> fields, Dictionary<string, int> header, TimeSpan recontactWindow)
    {
        string? Get(string name) => header[name] < fields.Count && CsvReader.Restore(fields[header[name]].Trim())!.Trim() is { Length: > 0 } v ? v : null;

        var id = Get("contact_id");
        if (id is null) return (null, "contact_id is empty");
        if (id.Length > 200) return (null, "contact_id is longer than 200 characters");
        if (Get("outcome") is not { } outcome || !ContactOutcomes.All.Contains(outcome))
            return (null, $"outcome '{Get("outcome")}' is not one of {string.Join(", ", ContactOutcomes.All)}");
        if (!TryTime(Get("started_at"), out var started) || started is null)
            return (null, $"started_at '{Get("started_at")}' is not an ISO-8601 time (e.g. 2026-03-01T09:30:00Z)");
        if (!TryTime(Get("ended_at"), out var ended))
            return (null, $"ended_at '{Get("ended_at")}' is not an ISO-8601 time");
        if (ended < started) return (null, "ended_at is before started_at");
        decimal? handle = null;
        if (Get("handle_minutes") is { } h)
        {
            if (!decimal.TryParse(h, NumberStyles.Number, CultureInfo.InvariantCulture, out var minutes) || minutes < 0)
                return (null, $"handle_minutes '{h}' is not a non-negative number");
            handle = minutes;
        }
        int? csat = null;
        if (Get("csat") is { } c)
        {
            if (!int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
                return (null, $"csat '{c}' is not a whole number from 1 to 5");
            csat = score;
        }
        if (!TryTokens(Get("llm_input_tokens"), out var input)) return (null, $"llm_input_tokens '{Get("llm_input_tokens")}' is not a non-negative whole number");
        if (!TryTokens(Get("llm_output_tokens"), out var output)) return (null, $"llm_output_tokens '{Get("llm_output_tokens")}' is not a non-negative whole number");
        foreach (var (name, max) in new[] { ("customer_id", 256), ("channel", 64), ("locale", 16), ("category", 128), ("article_id", 128), ("escalation_reason", 64) })
        {
            if (Get(name) is { } value && value.Length > max) return (null, $"{name} is longer than {max} characters");
        }

        var contact = new ContactRecord { Source = ContactSources.Import, ContactKey = id };
        Fill(contact, Get, outcome, started.Value, ended, handle, csat, input, output, recontactWindow);
        return (contact, null);
    }

    /// <summary>Copies a row's values onto a contact (new, or the one an earlier import made: re-import updates).</summary>
    internal static void CopyInto(ContactRecord target, ContactRecord source)
    {
        target.CustomerId = source.CustomerId; target.ChannelId = source.ChannelId; target.Locale = source.Locale;
        target.StartedAt = source.StartedAt; target.StartedDay = source.StartedDay; target.EndedAt = source.EndedAt;
        target.LastActivityAt = source.LastActivityAt; target.Outcome = source.Outcome; target.IsOpen = false;
        target.Category = source.Category; target.ArticleId = source.ArticleId; target.EscalationReason = source.EscalationReason;
        target.HandleMilliseconds = source.HandleMilliseconds; target.Csat = source.Csat; target.LlmInputTokens = source.LlmInputTokens;
        target.LlmOutputTokens = source.LlmOutputTokens; target.HasCustomerMessage = source.HasCustomerMessage;
        target.RecontactWindowStart = source.RecontactWindowStart; target.RecontactWindowEnd = source.RecontactWindowEnd;
        target.UpdatedAt = source.UpdatedAt;
    }

    private static void Fill(ContactRecord c, Func<string, string?> get, string outcome, DateTimeOffset started, DateTimeOffset? ended,
        decimal? handle, int? csat, long input, long output, TimeSpan recontactWindow)
    {
        c.CustomerId = get("customer_id");
        c.ChannelId = get("channel");
        c.Locale = get("locale");
        c.StartedAt = started;
        c.StartedDay = ContactRules.DayNumber(started);
        c.EndedAt = ended;
        c.LastActivityAt = ended ?? started;
        c.Outcome = outcome;
        c.IsOpen = false;
        c.Category = get("category");
        c.ArticleId = get("article_id");
        c.EscalationReason = get("escalation_reason");
        c.HandleMilliseconds = handle is { } m ? (long)Math.Round(m * 60_000m) : null;
        c.Csat = csat;
        c.LlmInputTokens = input;
        c.LlmOutputTokens = output;
        c.HasCustomerMessage = outcome != ContactOutcomes.Unengaged;
        c.UpdatedAt = DateTimeOffset.UtcNow;
        ContactRules.SetRecontactWindow(c, recontactWindow);
    }

    /// <summary>ISO-8601; a time without an offset is taken as UTC; any offset is converted to UTC. Empty is unknown (null).</summary>
    private static bool TryTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (text is null) return true;
        // ISO-8601 starts with the date as YYYY-MM-DD; that also refuses ambiguous forms such as 03/02/2026.
        if (!System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}([T ]|$)")
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }
        value = parsed.ToUniversalTime();
        return true;
    }

    private static bool TryTokens(string? text, out long value)
    {
        value = 0;
        return text is null || (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0);
    }

    public static string Row(ContactRecord c) => string.Join(',',
        CsvReader.TextCell(c.ContactKey), CsvReader.TextCell(c.CustomerId), CsvReader.TextCell(c.ChannelId), CsvReader.TextCell(c.Locale),
        Time(c.StartedAt), c.EndedAt is { } e ? Time(e) : "", CsvReader.TextCell(c.Outcome), CsvReader.TextCell(c.Category),
        CsvReader.TextCell(c.ArticleId), CsvReader.TextCell(c.EscalationReason),
        c.HandleMilliseconds is { } ms ? (ms / 60_000m).ToString(CultureInfo.InvariantCulture) : "",
        c.Csat?.ToString(CultureInfo.InvariantCulture) ?? "",
        c.LlmInputTokens.ToString(CultureInfo.InvariantCulture), c.LlmOutputTokens.ToString(CultureInfo.InvariantCulture));

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
