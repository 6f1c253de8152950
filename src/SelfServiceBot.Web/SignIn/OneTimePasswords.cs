using System.Security.Cryptography;

namespace SelfServiceBot.Web.SignIn;

/// <summary>
/// Random passwords for the first administrator and for resets. They satisfy Identity's default rules
/// (upper, lower, digit, symbol) and are shown once; the owner must choose a new password at the next sign-in.
/// </summary>
public static class OneTimePasswords
{
    private const string Upper = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghjkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!#%+=";
    private const int Length = 20;

    public static string Next()
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new List<char>
        {
            Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols),
        };
        while (chars.Count < Length)
        {
            chars.Add(Pick(all));
        }
        // The four guaranteed classes must not always sit at the front.
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
