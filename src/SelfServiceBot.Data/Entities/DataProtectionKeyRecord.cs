namespace SelfServiceBot.Data.Entities;

/// <summary>
/// One ASP.NET Core data-protection key (XML). Sign-in cookies and anti-forgery tokens are protected
/// with these keys, so every instance sharing the database must read the same key ring.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
