using System.Text.RegularExpressions;
using SelfServiceBot.Contracts.Localization;

namespace SelfServiceBot.KnowledgeDrafts;

/// <summary>What an author edits in a draft: the article as it will be published.</summary>
/// <param name="Questions">Other ways customers ask it (the title is matched too).</param>
/// <param name="Answer">Markdown, shown to the customer.</param>
public sealed partial record DraftContent(string Title, IReadOnlyList<string> Questions, string Answer, string Locale, string Category)
{
    public const int TitleLimit = 200;
    public const int QuestionLimit = 300;
    public const int QuestionsLimit = 20;
    public const int AnswerLimit = 20_000;
    public const string DefaultCategory = "general";

    /// <summary>The languages an article may be written in: those the bot speaks.</summary>
    public static readonly IReadOnlyList<string> Languages = [Locales.English, Locales.Chinese];

    /// <summary>
    /// What keeps the draft from being saved (or, with <paramref name="publishing"/>, published: an article needs an
    /// answer). The category becomes a folder of the knowledge base, so it is a lower-case word with dashes.
    /// </summary>
    public IReadOnlyList<DraftError> Check(bool publishing)
    {
        var errors = new List<DraftError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new DraftError(DraftField.Title, DraftProblem.Missing, null));
        }
        else if (Title.Length > TitleLimit)
        {
            errors.Add(new DraftError(DraftField.Title, DraftProblem.TooLong, TitleLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (Questions.Count > QuestionsLimit)
        {
            errors.Add(new DraftError(DraftField.Questions, DraftProblem.TooMany, QuestionsLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        foreach (var question in Questions.Where(q => q.Length > QuestionLimit))
        {
            errors.Add(new DraftError(DraftField.Questions, DraftProblem.TooLong, question[..40] + "…"));
        }
        if (publishing && string.IsNullOrWhiteSpace(Answer))
        {
            errors.Add(new DraftError(DraftField.Answer, DraftProblem.Missing, null));
        }
        else if (Answer.Length > AnswerLimit)
        {
            errors.Add(new DraftError(DraftField.Answer, DraftProblem.TooLong, AnswerLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (!Languages.Contains(Locale))
        {
            errors.Add(new DraftError(DraftField.Locale, DraftProblem.Unknown, Locale));
        }
        if (!CategoryPattern().IsMatch(Category))
        {
            errors.Add(new DraftError(DraftField.Category, DraftProblem.BadFormat, Category));
        }
        return errors;
    }

    /// <summary>Trimmed, blank and repeated questions (and the title itself) dropped, locale spelled as the knowledge base does.</summary>
    public DraftContent Normalized()
    {
        var title = (Title ?? "").Trim().ReplaceLineEndings(" ");
        return new DraftContent(
            title,
            (Questions ?? []).Select(q => q.Trim().ReplaceLineEndings(" ")).Where(q => q.Length > 0 && !string.Equals(q, title, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            (Answer ?? "").Trim().ReplaceLineEndings("\n"),
            Languages.FirstOrDefault(l => string.Equals(l, Locale?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? (Locale ?? "").Trim(),
            (Category ?? "").Trim());
    }

    /// <summary>One question per line, as the forms show them.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CategoryPattern();
}

public enum DraftField { Title, Questions, Answer, Locale, Category }

public enum DraftProblem { Missing, TooLong, TooMany, Unknown, BadFormat }

public sealed record DraftError(DraftField Field, DraftProblem Problem, string? Value);
