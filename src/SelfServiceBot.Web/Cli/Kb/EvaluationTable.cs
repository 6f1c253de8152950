using System.Globalization;
using SelfServiceBot.Knowledge.Evaluation;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>The human-readable form of an evaluation report.</summary>
internal static class EvaluationTable
{
    public static void Write(EvaluationReport r, TextWriter output)
    {
        output.WriteLine($"{r.Cases} cases ({r.InScope} in scope, {r.OutOfScope} out of scope), {r.Articles} articles, " +
                         $"answer threshold {r.AnswerThreshold}, clarify threshold {r.ClarifyThreshold}");
        output.WriteLine($"retrieval {r.Retrieval}{(r.Encoder is { } encoder ? $" ({encoder})" : "")}, locales " +
                         string.Join(", ", (r.Locales ?? new Dictionary<string, int>()).Select(l => $"{l.Key} {l.Value}")));
        Row(output, "top1", r.Top1, "in-scope cases whose best article is the expected one");
        Row(output, "top3", r.Top3, "... among the best three");
        Row(output, "answered_correct", r.AnsweredCorrect, "in-scope cases answered with the expected article");
        Row(output, "wrong_answer", r.WrongAnswer, "cases answered with another article (out of scope included)");
        Row(output, "clarify", r.Clarify, "cases that got \"Did you mean\"");
        Row(output, "clarify_hit", r.ClarifyHit, "... whose choices held the expected article");
        Row(output, "oos_handoff", r.OosHandoff, "out-of-scope cases not answered");
        Row(output, "reachable", r.Reachable, "in-scope cases answered with the expected article or offered it under \"Did you mean\"");
        Row(output, "oos_clarify", r.OosClarify, "out-of-scope cases that got \"Did you mean\" before a person is offered");
        output.WriteLine($"  {"p50_ms",-18}{r.P50Ms.ToString("0.###", CultureInfo.InvariantCulture),8}");
        output.WriteLine($"  {"p99_ms",-18}{r.P99Ms.ToString("0.###", CultureInfo.InvariantCulture),8}");
        output.WriteLine($"  {"allocated_kb",-18}{r.AllocatedKbPerMessage.ToString("0.#", CultureInfo.InvariantCulture),8}   per message, while ranking");
        output.WriteLine($"  {"index_ms",-18}{r.IndexMs.ToString("0.#", CultureInfo.InvariantCulture),8}");
        if (r.Calibration is { } bins)
        {
            output.WriteLine("  confidence of the best article -> how often it was right (in-scope cases)");
            foreach (var bin in bins.Where(b => b.Cases > 0))
            {
                output.WriteLine($"    {bin.From,3}-{bin.To,-3}  {bin.Cases,6} cases  {Percent(bin.Top1),7}");
            }
        }
        if (r.Sweep is { } sweep)
        {
            output.WriteLine("  answer threshold  answered_correct  wrong_answer  oos_handoff");
            foreach (var point in sweep.Where(p => p.Threshold % 5 == 0))
            {
                output.WriteLine($"    {point.Threshold,3}  {Percent(point.AnsweredCorrect),16}  {Percent(point.WrongAnswer),12}  {Percent(point.OosHandoff),11}");
            }
        }
    }

    private static void Row(TextWriter output, string name, double? value, string meaning) =>
        output.WriteLine($"  {name,-18}{Percent(value),8}   {meaning}");

    private static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
