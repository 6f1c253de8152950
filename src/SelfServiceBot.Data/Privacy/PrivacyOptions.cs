namespace SelfServiceBot.Data.Privacy;

/// <summary>The <c>Privacy</c> section: which kinds of personal data are masked in what customers write (all on by default).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    public MaskOptions Mask { get; set; } = new();
}

/// <summary><c>Privacy:Mask:*</c>: one switch per kind that <see cref="PersonalDataMasker"/> recognises.</summary>
public sealed class MaskOptions
{
    /// <summary>Payment card numbers: 13 to 19 digits, optionally grouped by spaces or hyphens, that pass the Luhn check.</summary>
    public bool Cards { get; set; } = true;

    /// <summary>E-mail addresses.</summary>
    public bool Emails { get; set; } = true;

    /// <summary>Phone numbers written internationally (+ or 00 and the country code) and Chinese mobile numbers (1[3-9] and 9 digits).</summary>
    public bool Phones { get; set; } = true;

    /// <summary>Chinese resident identity numbers: 17 digits and a check character (ISO 7064 MOD 11-2).</summary>
    public bool ChineseIds { get; set; } = true;
}
