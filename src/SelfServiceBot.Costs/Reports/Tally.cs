using SelfServiceBot.Costs.Ledger;

namespace SelfServiceBot.Costs.Reports;

/// <summary>Counts and sums over a set of contact groups (the whole period, or one breakdown row).</summary>
internal sealed class Tally
{
    public long Contacts { get; private set; }
    public long DeflectedConfirmed { get; private set; }
    public long DeflectedAssumed { get; private set; }
    public long Escalated { get; private set; }
    public long Abandoned { get; private set; }
    public long Unengaged { get; private set; }
    public long HumanDirect { get; private set; }
    public long Recontacted { get; private set; }
    /// <summary>Handle time of the escalated and human_direct contacts that have one.</summary>
    public long HumanHandleMilliseconds { get; private set; }
    public long HumanHandleCount { get; private set; }
    public long EngagedInputTokens { get; private set; }
    public long EngagedOutputTokens { get; private set; }
    public CsatTally BotOnlyCsat { get; } = new();
    public CsatTally EscalatedCsat { get; } = new();
    public CsatTally HumanDirectCsat { get; } = new();

    public long Deflected => DeflectedConfirmed + DeflectedAssumed;
    public long Engaged => Contacts - Unengaged - HumanDirect;
    public long DurableDeflected => Deflected - Recontacted;
    public long HumanHandled => Escalated + HumanDirect;

    public static Tally Of(IEnumerable<ContactGroup> groups)
    {
        var tally = new Tally();
        foreach (var g in groups)
        {
            tally.Add(g);
        }
        return tally;
    }

    public void Add(ContactGroup g)
    {
        Contacts += g.Count;
        switch (g.Outcome)
        {
            case ContactOutcomes.DeflectedConfirmed: DeflectedConfirmed += g.Count; break;
            case ContactOutcomes.DeflectedAssumed: DeflectedAssumed += g.Count; break;
            case ContactOutcomes.Escalated: Escalated += g.Count; break;
            case ContactOutcomes.Abandoned: Abandoned += g.Count; break;
            case ContactOutcomes.Unengaged: Unengaged += g.Count; break;
            case ContactOutcomes.HumanDirect: HumanDirect += g.Count; break;
        }
        if (g.Recontacted && ContactOutcomes.IsDeflected(g.Outcome))
        {
            Recontacted += g.Count;
        }
        if (g.Outcome is ContactOutcomes.Escalated or ContactOutcomes.HumanDirect)
        {
            HumanHandleMilliseconds += g.HandleMilliseconds;
            HumanHandleCount += g.HandleCount;
        }
        if (g.Outcome is not (ContactOutcomes.Unengaged or ContactOutcomes.HumanDirect))
        {
            EngagedInputTokens += g.LlmInputTokens;
            EngagedOutputTokens += g.LlmOutputTokens;
        }
        var csat = g.Outcome switch
        {
            ContactOutcomes.Escalated => EscalatedCsat,
            ContactOutcomes.HumanDirect => HumanDirectCsat,
            _ => BotOnlyCsat,
        };
        csat.Add(g.CsatSum, g.CsatCount, g.CsatHigh);
    }
}

internal sealed class CsatTally
{
    public long Sum { get; private set; }
    public long Responses { get; private set; }
    public long High { get; private set; }

    public void Add(long sum, long responses, long high)
    {
        Sum += sum;
        Responses += responses;
        High += high;
    }
}
