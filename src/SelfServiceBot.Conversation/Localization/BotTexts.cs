using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.Conversation.Localization;

/// <summary>
/// Everything the bot says, per language (BotTexts.resx, BotTexts.zh-CN.resx). The welcome, feedback and "didn't help" texts
/// and their button labels are agreed with the end-to-end tests: change them together.
/// </summary>
internal sealed class BotTexts : TextTable<BotTexts>
{
    public string Welcome => Text();
    public string AnswerPrompt => Text();
    public string Yes => Text();
    public string No => Text();
    public string Thanks => Text();
    public string NotHelpful => Text();
    public string TalkToPerson => Text();
    public string AskSomethingElse => Text();
    public string AskAway => Text();
    public string DidYouMean => Text();
    public string NoneOfThese => Text();
    public string Sources => Text();
    public string NoMatch => Text();
    public string NoneOfTheseReply => Text();
    public string Error => Text();
}
