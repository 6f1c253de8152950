using System.Text;

namespace SelfServiceBot.Conversation.Input;

/// <summary>Fixed phrases in both languages, compared after <see cref="Normalize"/>.</summary>
internal static class Phrases
{
    public static readonly IReadOnlySet<string> Restart = Set("restart", "start over", "start again", "reset", "重新开始", "重来");

    public static readonly IReadOnlySet<string> Greeting = Set(
        "hi", "hello", "hey", "hiya", "hi there", "hello there", "good morning", "good afternoon", "good evening",
        "你好", "您好", "嗨", "哈喽", "早上好", "下午好", "晚上好");

    public static readonly IReadOnlySet<string> Yes = Set(
        "yes", "y", "yeah", "yep", "yes it did", "it did", "yes thanks", "yes thank you", "是", "是的", "对", "解决了", "有用");

    public static readonly IReadOnlySet<string> No = Set(
        "no", "n", "nope", "not really", "no it didnt", "it didnt", "否", "不", "不是", "没有", "没用", "没解决", "没有解决");

    /// <summary>Leaving the queue for a person, back to the bot.</summary>
    public static readonly IReadOnlySet<string> Cancel = Set(
        "cancel", "cancel it", "cancel request", "never mind", "nevermind", "stop waiting", "back to the bot", "取消", "不用了", "算了", "取消转人工");

    /// <summary>Lower case, no punctuation or apostrophes, single spaces: "Yes!" and "yes" are the same answer.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }
        return builder.ToString().Trim();
    }

    public static bool Matches(IReadOnlySet<string> phrases, string text) => phrases.Contains(Normalize(text));

    private static HashSet<string> Set(params string[] phrases) => phrases.Select(Normalize).ToHashSet(StringComparer.Ordinal);
}
