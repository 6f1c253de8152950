using System.Globalization;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>What the drafts pages (and the console's draft form) say, in English and Simplified Chinese.</summary>
public sealed record KnowledgeDraftTexts
{
    public required string ListTitle { get; init; }
    public required string Intro { get; init; }
    public required string BackToConsole { get; init; }
    public required IReadOnlyDictionary<string, string> StatusNames { get; init; }
    public required string Title { get; init; }
    public required string Language { get; init; }
    public required string Category { get; init; }
    public required string Source { get; init; }
    public required string CreatedBy { get; init; }
    public required string Created { get; init; }
    public required string ReviewedBy { get; init; }
    public required string SourceChat { get; init; }
    public required string SourceGap { get; init; }
    public required string Empty { get; init; }
    public required string DraftTitle { get; init; }
    public required string Origin { get; init; }
    public required string AllDrafts { get; init; }
    public required string TitleLabel { get; init; }
    public required string QuestionsLabel { get; init; }
    public required string AnswerLabel { get; init; }
    public required string CategoryHint { get; init; }
    public required string Save { get; init; }
    public required string Publish { get; init; }
    public required string RejectNote { get; init; }
    public required string Reject { get; init; }
    public required string Saved { get; init; }
    public required string PublishedAs { get; init; }
    public required string RejectedBecause { get; init; }
    public required string ErrorsTitle { get; init; }
    public required string TitleMissing { get; init; }
    public required string TitleTooLong { get; init; }
    public required string QuestionsTooMany { get; init; }
    public required string QuestionTooLong { get; init; }
    public required string AnswerMissing { get; init; }
    public required string AnswerTooLong { get; init; }
    public required string LocaleUnknown { get; init; }
    public required string CategoryBadFormat { get; init; }
    public required string Changed { get; init; }
    public required string RejectNoteMissing { get; init; }
    public required IReadOnlyDictionary<string, string> LanguageNames { get; init; }

    public static KnowledgeDraftTexts Current => StaffCultures.IsChinese ? Chinese : English;

    public static KnowledgeDraftTexts For(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public string Describe(DraftError error) => string.Format(CultureInfo.InvariantCulture, (error.Field, error.Problem) switch
    {
        (DraftField.Title, DraftProblem.Missing) => TitleMissing,
        (DraftField.Title, _) => TitleTooLong,
        (DraftField.Questions, DraftProblem.TooMany) => QuestionsTooMany,
        (DraftField.Questions, _) => QuestionTooLong,
        (DraftField.Answer, DraftProblem.Missing) => AnswerMissing,
        (DraftField.Answer, _) => AnswerTooLong,
        (DraftField.Locale, _) => LocaleUnknown,
        _ => CategoryBadFormat,
    }, error.Value);

    public string Describe(PublishOutcome outcome) => outcome.Problem switch
    {
        PublishProblem.Changed => Changed,
        _ => "",
    };

    public string StatusName(string status) => StatusNames.GetValueOrDefault(status, status);

    public static readonly KnowledgeDraftTexts English = new()
    {
        ListTitle = "Knowledge base drafts",
        Intro = "Articles written from resolved chats and from knowledge gaps, waiting for review. Publishing adds the article to the knowledge base (stored in the database, shared by every instance), and the bot answers with it within seconds.",
        BackToConsole = "Agent console",
        StatusNames = new Dictionary<string, string> { ["draft"] = "To review", ["published"] = "Published", ["rejected"] = "Rejected" },
        Title = "Title", Language = "Language", Category = "Category", Source = "Source", CreatedBy = "Written by", Created = "Written",
        ReviewedBy = "Reviewed by", SourceChat = "Chat {0}", SourceGap = "Knowledge gap", Empty = "No drafts here.",
        DraftTitle = "Draft #{0}", Origin = "From {0}, written by {1} on {2}.", AllDrafts = "All drafts",
        TitleLabel = "Title (the question as customers ask it)",
        QuestionsLabel = "Other ways customers ask it (one per line)",
        AnswerLabel = "Answer (Markdown, shown to the customer)",
        CategoryHint = "A knowledge base folder: lower-case letters, digits and dashes, e.g. orders.",
        Save = "Save", Publish = "Publish to the knowledge base", RejectNote = "Why it is rejected (for the author)", Reject = "Reject",
        Saved = "Saved.", PublishedAs = "Published by {0} as {1}; every instance answers with it within seconds (exported as a file: {2}).", RejectedBecause = "Rejected by {0}: {1}",
        ErrorsTitle = "Nothing was saved. Please correct:",
        TitleMissing = "Give the article a title.",
        TitleTooLong = "The title is longer than {0} characters.",
        QuestionsTooMany = "Give at most {0} other questions.",
        QuestionTooLong = "A question is longer than 300 characters: '{0}'.",
        AnswerMissing = "Write the answer before publishing.",
        AnswerTooLong = "The answer is longer than {0} characters.",
        LocaleUnknown = "'{0}' is not a supported language: use en or zh-CN.",
        CategoryBadFormat = "'{0}' is not a category name: use lower-case letters, digits and dashes, e.g. orders.",
        Changed = "Someone changed, published or rejected this draft after you opened it, so nothing was saved. Your text is below; open the draft again to see theirs.",
        RejectNoteMissing = "Say why you reject it, for the author.",
        LanguageNames = new Dictionary<string, string> { ["en"] = "English", ["zh-CN"] = "Simplified Chinese" },
    };

    public static readonly KnowledgeDraftTexts Chinese = new()
    {
        ListTitle = "知识库草稿",
        Intro = "根据已解决的对话和知识缺口撰写、等待审核的文章。发布后文章加入知识库（保存在数据库中，所有实例共享），机器人几秒钟内即可用它回答。",
        BackToConsole = "客服工作台",
        StatusNames = new Dictionary<string, string> { ["draft"] = "待审核", ["published"] = "已发布", ["rejected"] = "已拒绝" },
        Title = "标题", Language = "语言", Category = "类别", Source = "来源", CreatedBy = "撰写人", Created = "撰写时间",
        ReviewedBy = "审核人", SourceChat = "对话 {0}", SourceGap = "知识缺口", Empty = "暂无草稿。",
        DraftTitle = "草稿 #{0}", Origin = "来自{0}，由 {1} 于 {2} 撰写。", AllDrafts = "全部草稿",
        TitleLabel = "标题（客户提问的原话）",
        QuestionsLabel = "客户的其他问法（每行一个）",
        AnswerLabel = "答案（Markdown，展示给客户）",
        CategoryHint = "知识库文件夹：小写字母、数字和连字符，例如 orders。",
        Save = "保存", Publish = "发布到知识库", RejectNote = "拒绝原因（给撰写人）", Reject = "拒绝",
        Saved = "已保存。", PublishedAs = "已由 {0} 发布为 {1}；所有实例几秒内即可用它回答（导出为文件：{2}）。", RejectedBecause = "{0} 已拒绝：{1}",
        ErrorsTitle = "未保存。请更正：",
        TitleMissing = "请填写文章标题。",
        TitleTooLong = "标题超过 {0} 个字符。",
        QuestionsTooMany = "其他问法最多 {0} 个。",
        QuestionTooLong = "有一个问法超过 300 个字符：“{0}”。",
        AnswerMissing = "发布前请填写答案。",
        AnswerTooLong = "答案超过 {0} 个字符。",
        LocaleUnknown = "“{0}”不是支持的语言：请使用 en 或 zh-CN。",
        CategoryBadFormat = "“{0}”不是有效的类别名：请使用小写字母、数字和连字符，例如 orders。",
        Changed = "在您打开后，有人修改、发布或拒绝了此草稿，因此未保存。您的内容保留在下方；重新打开草稿可查看对方的版本。",
        RejectNoteMissing = "请写明拒绝原因，供撰写人参考。",
        LanguageNames = new Dictionary<string, string> { ["en"] = "英语", ["zh-CN"] = "简体中文" },
    };
}
