using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Contracts.Events;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Web.Privacy;

/// <summary>
/// A customer_message's <c>DataJson.rewritten</c> (a follow-up rewritten by the model, docs/ai.md) is the customer's
/// question in other words, so wherever an event's text is cleared (erasure, retention) it goes too; the intent stays.
/// JSON is edited here rather than in SQL so that SQLite and PostgreSQL do the same; such rows are few.
/// </summary>
internal static class RewrittenQuestions
{
    private static readonly string Marker = $"\"{EventDataKeys.Rewritten}\"";

    public static async Task RemoveAsync(IQueryable<ConversationEventRecord> events, CancellationToken cancellationToken)
    {
        var rows = await events
            .Where(e => e.Type == ConversationEventTypes.CustomerMessage && e.DataJson != null && e.DataJson.Contains(Marker))
            .Select(e => new { e.Id, e.DataJson })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (JsonNode.Parse(row.DataJson!) is not JsonObject data || !data.Remove(EventDataKeys.Rewritten))
            {
                continue;
            }
            var json = data.Count == 0 ? null : data.ToJsonString();
            await events.Where(e => e.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DataJson, json), cancellationToken);
        }
    }
}
