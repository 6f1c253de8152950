using Microsoft.AspNetCore.Http.HttpResults;

namespace SelfServiceBot.Web.Costs;

/// <summary>The ?from=YYYY-MM-DD&amp;to=YYYY-MM-DD of every cost route: to after from, at most ten years.</summary>
internal static class Period
{
    public static readonly ProblemHttpResult Problem = TypedResults.Problem(
        "Give the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD (to exclusive, after from, at most 10 years).", statusCode: 400, title: "Bad period");

    public static (DateOnly From, DateOnly To)? Parse(string? from, string? to) =>
        DateOnly.TryParseExact(from, "yyyy-MM-dd", out var f) && DateOnly.TryParseExact(to, "yyyy-MM-dd", out var t)
            && t > f && t.DayNumber - f.DayNumber <= 3660
            ? (f, t)
            : null;
}
