using Microsoft.EntityFrameworkCore;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.Data.Conversations;
using SelfServiceBot.Data.Entities;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Conversation.Storage;

/// <summary>The statements of a finished turn's usual write (<see cref="EfConversationTurnStore"/>).</summary>
internal static class TurnSql
{
    private static readonly string[] EventColumns =
    [
        nameof(ConversationEventRecord.IdempotencyKey), nameof(ConversationEventRecord.ChannelId), nameof(ConversationEventRecord.ConversationId),
        nameof(ConversationEventRecord.UserId), nameof(ConversationEventRecord.Type), nameof(ConversationEventRecord.OccurredAt),
        nameof(ConversationEventRecord.Locale), nameof(ConversationEventRecord.ArticleId), nameof(ConversationEventRecord.Confidence),
        nameof(ConversationEventRecord.Reason), nameof(ConversationEventRecord.Text), nameof(ConversationEventRecord.DataJson),
    ];

    private static readonly string[] LineColumns =
    [
        nameof(ConversationTranscriptLineRecord.IdempotencyKey), nameof(ConversationTranscriptLineRecord.ConversationKey),
        nameof(ConversationTranscriptLineRecord.TranscriptId), nameof(ConversationTranscriptLineRecord.From),
        nameof(ConversationTranscriptLineRecord.Text), nameof(ConversationTranscriptLineRecord.At),
    ];

    /// <summary>Writes the state if it is still at the version the turn read (or, for a new one, still absent): 1 row, else 0.</summary>
    public static ModelSql SaveStateAsRead(DbContext db, FinishedTurn turn, DateTimeOffset now)
    {
        var sql = new ModelSql(db);
        if (turn.StateVersion is { } version)
        {
            return sql.Sql("UPDATE ").Table<ConversationStateRecord>()
                .Sql(" SET ").Column<ConversationStateRecord>(nameof(ConversationStateRecord.Json)).Sql(" = ").Value<ConversationStateRecord>(nameof(ConversationStateRecord.Json), turn.StateJson)
                .Sql(", ").Column<ConversationStateRecord>(nameof(ConversationStateRecord.Version)).Sql(" = ").Value<ConversationStateRecord>(nameof(ConversationStateRecord.Version), version + 1)
                .Sql(", ").Column<ConversationStateRecord>(nameof(ConversationStateRecord.UpdatedAt)).Sql(" = ").Value<ConversationStateRecord>(nameof(ConversationStateRecord.UpdatedAt), now)
                .Sql(" WHERE ").Column<ConversationStateRecord>(nameof(ConversationStateRecord.ConversationKey)).Sql(" = ").Value<ConversationStateRecord>(nameof(ConversationStateRecord.ConversationKey), turn.ConversationKey)
                .Sql(" AND ").Column<ConversationStateRecord>(nameof(ConversationStateRecord.Version)).Sql(" = ").Value<ConversationStateRecord>(nameof(ConversationStateRecord.Version), version);
        }
        return sql.Sql("INSERT INTO ").Table<ConversationStateRecord>().Sql(" ")
            .Columns<ConversationStateRecord>(nameof(ConversationStateRecord.ConversationKey), nameof(ConversationStateRecord.Json),
                nameof(ConversationStateRecord.Version), nameof(ConversationStateRecord.UpdatedAt))
            .Sql(" VALUES ").Row<ConversationStateRecord>(
            [
                (nameof(ConversationStateRecord.ConversationKey), turn.ConversationKey), (nameof(ConversationStateRecord.Json), turn.StateJson),
                (nameof(ConversationStateRecord.Version), 1), (nameof(ConversationStateRecord.UpdatedAt), now),
            ])
            .Sql(" ON CONFLICT ").Columns<ConversationStateRecord>(nameof(ConversationStateRecord.ConversationKey)).Sql(" DO NOTHING");
    }

    /// <summary>
    /// The turn's events, then its transcript lines, each in one multi-row insert that skips keys already recorded (a replay),
    /// in order, so their ids follow the turn's order; then the claim's completion. One command; null when there is nothing.
    /// </summary>
    public static ModelSql? EventsLinesAndCompletion(DbContext db, FinishedTurn turn, DateTimeOffset now)
    {
        var events = ConversationEventRecords.From(turn.Events);
        var lines = TranscriptLineRecords.From(turn.ConversationKey, turn.TranscriptLines);
        if (events.Count == 0 && lines.Count == 0 && turn.CompletedActivity is null)
        {
            return null;
        }
        var sql = new ModelSql(db);
        if (events.Count > 0)
        {
            sql.Sql("INSERT INTO ").Table<ConversationEventRecord>().Sql(" ").Columns<ConversationEventRecord>(EventColumns).Sql(" VALUES ");
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                sql.Sql(i == 0 ? "" : ", ").Row<ConversationEventRecord>(
                [
                    (EventColumns[0], e.IdempotencyKey), (EventColumns[1], e.ChannelId), (EventColumns[2], e.ConversationId),
                    (EventColumns[3], e.UserId), (EventColumns[4], e.Type), (EventColumns[5], e.OccurredAt), (EventColumns[6], e.Locale),
                    (EventColumns[7], e.ArticleId), (EventColumns[8], e.Confidence), (EventColumns[9], e.Reason), (EventColumns[10], e.Text),
                    (EventColumns[11], e.DataJson),
                ]);
            }
            sql.Sql(" ON CONFLICT ").Columns<ConversationEventRecord>(nameof(ConversationEventRecord.IdempotencyKey)).Sql(" DO NOTHING").NextStatement();
        }
        if (lines.Count > 0)
        {
            sql.Sql("INSERT INTO ").Table<ConversationTranscriptLineRecord>().Sql(" ").Columns<ConversationTranscriptLineRecord>(LineColumns).Sql(" VALUES ");
            for (var i = 0; i < lines.Count; i++)
            {
                var l = lines[i];
                sql.Sql(i == 0 ? "" : ", ").Row<ConversationTranscriptLineRecord>(
                [
                    (LineColumns[0], l.IdempotencyKey), (LineColumns[1], l.ConversationKey), (LineColumns[2], l.TranscriptId),
                    (LineColumns[3], l.From), (LineColumns[4], l.Text), (LineColumns[5], l.At),
                ]);
            }
            sql.Sql(" ON CONFLICT ").Columns<ConversationTranscriptLineRecord>(nameof(ConversationTranscriptLineRecord.IdempotencyKey)).Sql(" DO NOTHING").NextStatement();
        }
        if (turn.CompletedActivity is { } activity)
        {
            TurnClaimCompletion.AppendTo(sql, activity, now);
        }
        return sql;
    }
}
