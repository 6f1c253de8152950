using SelfServiceBot.Costs.Ledger;

namespace SelfServiceBot.Costs.Demo;

/// <summary>
/// The tokens a bot contact's model calls plausibly took (docs/ai.md): a grounded answer about 1,500 in and 150 out, a
/// follow-up rewritten about 400 and 30, a hand-off summary about 1,200 and 120. Not every contact calls the model: a
/// question nothing relevant was found for gets no generated answer.
/// </summary>
internal sealed class DemoModelCalls(int seed)
{
    private readonly Random _random = new(unchecked(seed * 7919 + 22));

    public (long Input, long Output) Tokens(string outcome)
    {
        if (outcome is ContactOutcomes.Unengaged or ContactOutcomes.HumanDirect)
        {
            return (0, 0);
        }
        var (input, output) = (0L, 0L);
        void Call(int meanInput, int meanOutput)
        {
            input += Around(meanInput);
            output += Around(meanOutput);
        }
        // A generated answer for most answered contacts, fewer for those the knowledge base found nothing for.
        var answered = outcome switch
        {
            ContactOutcomes.DeflectedConfirmed or ContactOutcomes.DeflectedAssumed => 0.8,
            ContactOutcomes.Escalated => 0.5,
            _ => 0.35,
        };
        if (_random.NextDouble() < answered)
        {
            Call(1500, 150);
            // A quarter ask a follow-up: rewritten, then answered again.
            if (_random.NextDouble() < 0.25)
            {
                Call(400, 30);
                Call(1500, 150);
            }
        }
        if (outcome == ContactOutcomes.Escalated)
        {
            Call(1200, 120);
        }
        return (input, output);
    }

    // +-30% around the mean: prompts differ with the articles retrieved and the length of the chat.
    private long Around(int mean) => (long)Math.Round(mean * (0.7 + 0.6 * _random.NextDouble()));
}
