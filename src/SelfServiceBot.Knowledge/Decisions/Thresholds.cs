namespace SelfServiceBot.Knowledge.Decisions;

/// <summary>The confidence levels (0-100) that turn a ranking into a decision.</summary>
/// <param name="Answer">From here the best article is answered directly.</param>
/// <param name="Clarify">From here articles are offered as "Did you mean"; below it there is no match.</param>
/// <param name="AmbiguityMargin">An answerable best article within this many points of the runner-up is offered as a choice instead.</param>
public sealed record Thresholds(int Answer, int Clarify, int AmbiguityMargin);
