namespace SelfServiceBot.AI.Answers;

/// <summary>The <c>AI:Chat:Answers</c> section: how grounded answers are composed and what reply is accepted.</summary>
public sealed class AnswerOptions
{
    public const string SectionName = "AI:Chat:Answers";

    /// <summary>How many of the top articles go to the model as numbered sources.</summary>
    public int Sources { get; set; } = 3;

    /// <summary>A longer reply is not shown (the customer gets the article's answer): a rambling model is a wrong one.</summary>
    public int MaxAnswerCharacters { get; set; } = 1200;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Sources is < 1 or > 10)
        {
            problems.Add($"{SectionName}:Sources must be between 1 and 10 (got {Sources}).");
        }
        if (MaxAnswerCharacters is < 50 or > 20_000)
        {
            problems.Add($"{SectionName}:MaxAnswerCharacters must be between 50 and 20000 (got {MaxAnswerCharacters}).");
        }
        return problems;
    }
}
