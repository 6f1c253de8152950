namespace SelfServiceBot.Contracts.Staff;

/// <summary>
/// The staff roles' names as stored in the Identity role table. The host's sign-in decides what each role may open; the
/// hand-off module lists who may take chats (the agent roster), so the names live here, once.
/// </summary>
public static class StaffRoleNames
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    /// <summary>The roles whose members take chats: the agent console's policy and the agent roster.</summary>
    public static readonly IReadOnlyList<string> TakeChats = [Agent, Supervisor, Admin];
}
