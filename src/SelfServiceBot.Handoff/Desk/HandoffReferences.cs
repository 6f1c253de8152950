using System.Security.Cryptography;

namespace SelfServiceBot.Handoff.Desk;

/// <summary>
/// References customers can read out on the phone: "H-" and five characters without the easily
/// confused 0/O, 1/I/L. 31^5 (about 28 million) values; the database's unique index catches the rare clash.
/// </summary>
public static class HandoffReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string Next() => "H-" + RandomNumberGenerator.GetString(Alphabet, 5);
}
