using System.Globalization;

namespace SelfServiceBot.Contracts.Handoff;

/// <summary>
/// The 1-5 rating a customer gives a chat with a person: asked by the desk when its console hands the customer back, and by
/// the bot when an external hub does; the bot reads the answer. One scale for all three.
/// </summary>
public static class HandoffRating
{
    public const int Lowest = 1;
    public const int Highest = 5;

    /// <summary>The scores as the buttons show them and the customer sends them back: "1" ... "5".</summary>
    public static IReadOnlyList<string> Scores { get; } =
        [.. Enumerable.Range(Lowest, Highest - Lowest + 1).Select(i => i.ToString(CultureInfo.InvariantCulture))];
}
