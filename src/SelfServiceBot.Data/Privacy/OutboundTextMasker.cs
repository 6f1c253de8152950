using System.Text.RegularExpressions;
using SelfServiceBot.Contracts.Privacy;

namespace SelfServiceBot.Data.Privacy;

/// <summary>
/// The masker for text leaving the machine: every kind on, whatever <c>Privacy:Mask</c> says, because turning a kind off
/// for what is stored must not send it to a model service. It also masks phone numbers written the local way, which the
/// stored-text masker leaves alone so that no order number is ever damaged in what agents read: here a number counts as a
/// phone only in a phone's shape, 10 to 12 digits in groups with separators, either North American
/// (<c>555-123-4567</c>, <c>(555) 123-4567</c>) or with a trunk 0 (<c>020-1234-5678</c>, <c>0755-12345678</c>,
/// <c>020 7946 0958</c>, <c>07700 900123</c>). Order numbers without separators, dates and prices keep their digits.
/// </summary>
internal sealed partial class OutboundTextMasker : IOutboundTextMasker
{
    public string Mask(string text)
    {
        text = PersonalDataMasker.Default.Mask(text);
        if (string.IsNullOrEmpty(text) || !text.Any(char.IsAsciiDigit))
        {
            return text;
        }
        text = NorthAmericanPhonePattern().Replace(text, m => PersonalDataMasker.KeepLast(m.Value, 4));
        return TrunkPrefixPhonePattern().Replace(text,
            m => m.Value.Count(char.IsAsciiDigit) is >= 10 and <= 12 ? PersonalDataMasker.KeepLast(m.Value, 4) : m.Value);
    }

    // 3-3-4 with a separator between every group (or the area code in brackets): a bare 10-digit run is left alone.
    [GeneratedRegex(@"(?<![0-9A-Za-z\-/.])(?:\([0-9]{3}\) ?|[0-9]{3}[ .\-])[0-9]{3}[ .\-][0-9]{4}(?![0-9A-Za-z\-/])")]
    private static partial Regex NorthAmericanPhonePattern();

    // A trunk 0 and the area code, then one or two groups, every group split by a space or hyphen.
    [GeneratedRegex(@"(?<![0-9A-Za-z\-/.])0[0-9]{2,4}[ \-][0-9]{3,8}(?:[ \-][0-9]{3,4})?(?![0-9A-Za-z\-/])")]
    private static partial Regex TrunkPrefixPhonePattern();
}
