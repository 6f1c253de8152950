using System.Text.RegularExpressions;
using SelfServiceBot.Conversation.Input;

namespace SelfServiceBot.Conversation.Handoff;

/// <summary>
/// Recognises a customer asking for a person, in English or Chinese. Whole phrases ("talk to a
/// human", "real person", "转人工"), or a bare keyword ("agent", "human") in a short message, so
/// that a question that merely mentions a person ("can someone else collect my parcel?") is not one.
/// </summary>
internal static partial class HandoffPhrases
{
    private const int ShortMessageWords = 4;

    public static bool IsRequest(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var normalized = Phrases.Normalize(text);
        if (ChinesePattern().IsMatch(normalized) || EnglishPhrasePattern().IsMatch(normalized))
        {
            return true;
        }
        return normalized.Split(' ').Length <= ShortMessageWords && EnglishKeywordPattern().IsMatch(normalized);
    }

    [GeneratedRegex(@"人工|真人|活人|客服人员|转客服|找客服|联系客服|接客服|转接")]
    private static partial Regex ChinesePattern();

    [GeneratedRegex(@"\b(talk|speak|chat|connect|transfer|put)\b.*\b(human|person|someone|somebody|agent|representative|rep|operator|people|staff|advisor)s?\b" +
                    @"|\b(real|live|actual)\s+(person|human|agent|people)\b|\bhuman\s+(agent|being|support|help)\b|\bcustomer\s+service\s+(agent|rep|representative)\b")]
    private static partial Regex EnglishPhrasePattern();

    [GeneratedRegex(@"\b(agent|human|representative|rep|operator|person|somebody|someone)\b")]
    private static partial Regex EnglishKeywordPattern();
}
