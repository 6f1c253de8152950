namespace SelfServiceBot.Data.Entities;

/// <summary>
/// Keys the app generates for itself (e.g. the Direct Line token signing key) and that every
/// instance sharing the database must agree on. Never secrets a person configures.
/// </summary>
public sealed class AppSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
