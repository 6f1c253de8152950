using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SelfServiceBot.Data.Privacy;

/// <summary>
/// Masks personal data in what a customer wrote, once, where the text enters the bot (the conversation's input): what is
/// stored, logged, shown to agents, exported or searched is the masked text. A mask keeps the last characters and the
/// shape (<c>•••• •••• •••• 1111</c>, <c>j•••@•••.com</c>) so an agent can still ask "the card ending 1111?", and it only
/// removes characters: the search never sees a word the customer did not write. Numbers are masked only when they are
/// what they look like (a card passes the Luhn check, an ID its check character), so an order number stays readable.
/// </summary>
public sealed partial class PersonalDataMasker(IOptions<PrivacyOptions> options)
{
    public const char Bullet = '•';

    /// <summary>A masker with every kind on (tests, tools).</summary>
    public static PersonalDataMasker Default { get; } = new(Options.Create(new PrivacyOptions()));

    public string Mask(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var mask = options.Value.Mask;
        if (mask.Emails && text.Contains('@'))
        {
            text = EmailPattern().Replace(text, m => MaskEmail(m.Value));
        }
        if (!text.Any(char.IsAsciiDigit))
        {
            return text;
        }
        if (mask.ChineseIds)
        {
            text = ChineseIdPattern().Replace(text, m => ChineseId.IsValid(m.Value) ? KeepLast(m.Value, 4) : m.Value);
        }
        if (mask.Cards)
        {
            text = DigitRunPattern().Replace(text, m => MaskCards(m.Value));
        }
        if (mask.Phones)
        {
            text = InternationalPhonePattern().Replace(text, m => DigitCount(m.Value) is >= 8 and <= 15 ? KeepLast(m.Value, 4) : m.Value);
            text = ChineseMobilePattern().Replace(text, m => KeepLast(m.Value, 4));
        }
        return text;
    }

    /// <summary>Masks every Luhn-valid card number inside a run of digit groups ("4111 1111 1111 1111 12/28" has one).</summary>
    private static string MaskCards(string run)
    {
        var groups = GroupPattern().Matches(run);
        var masked = new StringBuilder(run);
        var start = 0;
        while (start < groups.Count)
        {
            var end = LongestCardFrom(groups, start);
            if (end < 0)
            {
                start++;
                continue;
            }
            var from = groups[start].Index;
            var to = groups[end].Index + groups[end].Length;
            var kept = KeepLast(run[from..to], 4);
            masked.Remove(from, to - from).Insert(from, kept);
            start = end + 1;
        }
        return masked.ToString();
    }

    // The last group that ends a Luhn-valid card started at group start, or -1; a card has at most 19 digits, so the
    // search stops there (a long run of digits costs no more than a short one per group).
    private static int LongestCardFrom(MatchCollection groups, int start)
    {
        var digits = new StringBuilder(19);
        var found = -1;
        for (var end = start; end < groups.Count && digits.Length + groups[end].Length <= 19; end++)
        {
            digits.Append(groups[end].Value);
            if (digits.Length >= 13 && Luhn.IsValid(digits.ToString()))
            {
                found = end;
            }
        }
        return found;
    }

    private static string MaskEmail(string email)
    {
        var dot = email.LastIndexOf('.');
        return email[0] + new string(Bullet, 3) + "@" + new string(Bullet, 3) + email[dot..];
    }

    /// <summary>Every digit but the last <paramref name="keep"/> becomes a bullet; separators and letters stay.</summary>
    internal static string KeepLast(string value, int keep)
    {
        var chars = value.ToCharArray();
        var seen = 0;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (char.IsAsciiDigit(chars[i]) || chars[i] is 'X' or 'x')
            {
                if (++seen > keep)
                {
                    chars[i] = Bullet;
                }
            }
        }
        return new string(chars);
    }

    private static int DigitCount(string value) => value.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex ChineseIdPattern();

    // Digit groups joined by a single space or hyphen: where a card number may hide.
    [GeneratedRegex(@"(?<![0-9])[0-9]+(?:[ \-][0-9]+)*(?![0-9])")]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex GroupPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:\+|00)[1-9][0-9]{0,2}(?:[ .\-]?\(?[0-9]{1,4}\)?){2,6}(?![0-9])")]
    private static partial Regex InternationalPhonePattern();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9](?:[ \-]?[0-9]{4}){2}(?![0-9])")]
    private static partial Regex ChineseMobilePattern();
}

/// <summary>The Luhn (mod 10) check of payment card numbers.</summary>
public static class Luhn
{
    public static bool IsValid(string digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled && (d *= 2) > 9)
            {
                d -= 9;
            }
            sum += d;
            doubled = !doubled;
        }
        return digits.Length > 0 && sum % 10 == 0;
    }
}

/// <summary>The check character of an 18-character Chinese resident identity number (GB 11643, ISO 7064 MOD 11-2).</summary>
public static class ChineseId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    public static bool IsValid(string id) =>
        id.Length == 18 && id[..17].All(char.IsAsciiDigit) && char.ToUpperInvariant(id[17]) == CheckCharacter(id.AsSpan(0, 17));
}
