namespace SelfServiceBot.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> section; the connection string is <c>ConnectionStrings:SelfServiceBot</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "SelfServiceBot";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start (on by default; turn off when a deploy step migrates).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Idempotency claims (one per inbound activity) older than this are deleted, hourly; 0 keeps them. Channels redeliver
    /// within minutes; two days leave room for a long outage of the bot.
    /// </summary>
    public int ProcessedActivityRetentionDays { get; set; } = 2;

    /// <summary>
    /// What customers and agents wrote (transcripts, dialog states, the Direct Line log, hand-off chats, the texts and
    /// customer ids kept with events and contacts) is forgotten once it is this many days old, hourly; the figures the
    /// cost reports count stay. 0 (the default) keeps everything (the host's ConversationDataPruning).
    /// </summary>
    public int ConversationRetentionDays { get; set; }
}
