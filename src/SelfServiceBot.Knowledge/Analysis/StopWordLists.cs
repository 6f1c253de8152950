using Lucene.Net.Analysis.Util;

namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>
/// Words that carry no topic. Deliberately short: "not", "no", "how", "where", "can" and prepositions stay,
/// because "refund not received" and "how do I return" are different questions from "refund" and "return",
/// and "log in" must still reach the synonym table.
/// Chinese entries are single characters (particles and pronouns). Removing one also stops bigrams across
/// it (the bigram filter joins only adjacent characters), while 怎么, 在哪 and 没有 keep theirs.
/// </summary>
internal static class StopWordLists
{
    private static readonly string[] English =
    [
        "a", "an", "the", "and", "or", "of", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that",
        "these", "those", "there", "their", "then", "than", "so", "am", "please", "pls", "hi", "hello", "hey", "thanks",
        "thank", "just", "really", "also",
    ];

    private static readonly string[] Chinese =
    [
        "的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "哦", "我", "你", "您", "他", "她", "它", "们", "请",
    ];

    public static CharArraySet Create() => new(LuceneSettings.Version, English.Concat(Chinese).ToList(), ignoreCase: true);
}
