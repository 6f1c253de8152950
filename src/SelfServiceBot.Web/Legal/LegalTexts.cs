using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.Web.Legal;

/// <summary>
/// The built-in privacy statement and terms, per language (LegalTexts.resx, LegalTexts.zh-CN.resx): what the bot really stores
/// (see docs/database.md) and how long (the retention setting). {operator}, {contact} and {retention} are filled in per request.
/// </summary>
public sealed class LegalTexts : TextTable<LegalTexts>
{
    public string PrivacyTitle => Text();
    public string TermsTitle => Text();
    public string Privacy => Text();
    public string Terms => Text();
    public string DefaultOperator => Text();
    public string DefaultContact => Text();
    public string RetentionDays => Text();
    public string RetentionForever => Text();

    public string Retention(int days) => days > 0 ? Format(nameof(RetentionDays), days) : RetentionForever;
}
