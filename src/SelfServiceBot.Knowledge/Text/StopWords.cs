namespace SelfServiceBot.Knowledge.Text;

/// <summary>
/// Words that carry no topic: they would make every question look like every other. "where" and
/// "when" stay: "Where is my order?" is about tracking, "order" alone is not.
/// </summary>
public static class StopWords
{
    public static readonly IReadOnlySet<string> English = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "i", "im", "ive", "id", "me", "my", "mine", "we", "us", "our", "you", "your", "yours",
        "it", "its", "this", "that", "these", "those", "there", "here", "is", "are", "was", "were", "be", "been",
        "being", "am", "do", "does", "did", "doing", "dont", "doesnt", "didnt", "have", "has", "had", "hasnt",
        "havent", "how", "what", "whats", "which", "who", "why", "can", "cant",
        "could", "would", "should", "will", "wont", "shall", "may", "might", "must", "to", "of", "in", "on",
        "at", "for", "from", "with", "by", "about", "into", "and", "or", "but", "if", "so", "as", "not", "no",
        "please", "pls", "want", "wanna", "need", "like", "know", "tell", "any", "some", "just", "still", "yet",
        "get", "got", "able", "then", "than", "also", "too", "very", "one",
    };

    /// <summary>Chinese function characters: particles, pronouns and question words that split word runs.</summary>
    public static readonly char[] ChineseCharacters =
    [
        '的', '了', '吗', '呢', '吧', '啊', '呀', '嘛', '我', '您', '你', '他', '她', '们', '是', '请', '么', '怎',
        '个', '一', '下', '要', '想', '能', '可', '在', '和', '与', '还', '都', '也', '就', '把', '被', '给',
    ];
}
