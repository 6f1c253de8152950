using SelfServiceBot.Contracts.Localization;
using System.Globalization;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.SignIn;

namespace SelfServiceBot.Web.KnowledgeDrafts;

/// <summary>What the drafts pages (and the console's draft form) say, per language (KnowledgeDraftTexts.resx, KnowledgeDraftTexts.zh-CN.resx).</summary>
public sealed class KnowledgeDraftTexts : TextTable<KnowledgeDraftTexts>
{
    public string ListTitle => Text();
    public string Intro => Text();
    public string BackToConsole => Text();
    public string Title => Text();
    public string Language => Text();
    public string Category => Text();
    public string Source => Text();
    public string CreatedBy => Text();
    public string Created => Text();
    public string ReviewedBy => Text();
    public string SourceChat => Text();
    public string SourceGap => Text();
    public string Empty => Text();
    public string DraftTitle => Text();
    public string Origin => Text();
    public string AllDrafts => Text();
    public string TitleLabel => Text();
    public string QuestionsLabel => Text();
    public string AnswerLabel => Text();
    public string CategoryHint => Text();
    public string Save => Text();
    public string Publish => Text();
    public string RejectNote => Text();
    public string Reject => Text();
    public string Saved => Text();
    public string PublishedAs => Text();
    public string RejectedBecause => Text();
    public string ErrorsTitle => Text();
    public string Changed => Text();
    public string RejectNoteMissing => Text();

    /// <summary>Display names of the stored statuses (StatusNames.draft...) and of the knowledge base languages (LanguageNames.en...).</summary>
    public IReadOnlyDictionary<string, string> StatusNames => Names();
    public IReadOnlyDictionary<string, string> LanguageNames => Names();

    public string Describe(DraftError error) => Format((error.Field, error.Problem) switch
    {
        (DraftField.Title, DraftProblem.Missing) => "TitleMissing",
        (DraftField.Title, _) => "TitleTooLong",
        (DraftField.Questions, DraftProblem.TooMany) => "QuestionsTooMany",
        (DraftField.Questions, _) => "QuestionTooLong",
        (DraftField.Answer, DraftProblem.Missing) => "AnswerMissing",
        (DraftField.Answer, _) => "AnswerTooLong",
        (DraftField.Locale, _) => "LocaleUnknown",
        _ => "CategoryBadFormat",
    }, error.Value);

    public string Describe(PublishOutcome outcome) => outcome.Problem switch
    {
        PublishProblem.Changed => Changed,
        _ => "",
    };

    public string StatusName(string status) => StatusNames.GetValueOrDefault(status, status);
}
