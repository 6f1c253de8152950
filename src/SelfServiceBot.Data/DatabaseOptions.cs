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
}
