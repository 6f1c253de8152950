namespace SelfServiceBot.AI.Answers;

/// <summary>A knowledge-base article given to the model as source <c>[n]</c> (n is its place in the list, from 1).</summary>
public sealed record AnswerSource(string ArticleId, string Title, string Text);
