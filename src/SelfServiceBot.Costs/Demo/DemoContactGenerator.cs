using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Storage;

namespace SelfServiceBot.Costs.Demo;

/// <summary>
/// Plausible contacts for a living dashboard and for the benchmark: weekday rhythm, slow growth, a bot that improves month by
/// month, categories that differ in how often people need a person, repeat customers (so recontacts happen), phone and e-mail
/// contacts for the human channel, and the generative model's tokens on the bot's contacts. Deterministic for a seed.
/// </summary>
public sealed class DemoContactGenerator(int seed)
{
    private readonly Random _random = new(seed);
    // The tokens draw from their own sequence, so the contacts themselves are the same as before the model was added.
    private readonly DemoModelCalls _modelCalls = new(seed);

    /// <summary>About <paramref name="total"/> contacts started in [from, to).</summary>
    public IEnumerable<ContactRecord> Generate(DateOnly from, DateOnly to, int total, TimeSpan recontactWindow)
    {
        var days = Math.Max(1, to.DayNumber - from.DayNumber);
        var weights = Enumerable.Range(0, days).Select(d => DayWeight(from.AddDays(d), d, days)).ToArray();
        var scale = total / weights.Sum();
        var customers = Math.Max(10, total);
        var serial = 0;
        for (var d = 0; d < days; d++)
        {
            var day = from.AddDays(d);
            var count = (int)Math.Round(weights[d] * scale + _random.NextDouble() - 0.5);
            var progress = (double)d / days;
            for (var i = 0; i < count; i++)
            {
                var started = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(TimeOfDaySeconds());
                yield return Contact(++serial, started, $"cust-{Pareto(customers)}", progress, recontactWindow);
            }
        }
    }

    private static double DayWeight(DateOnly day, int index, int days) =>
        (day.DayOfWeek switch { DayOfWeek.Saturday => 0.6, DayOfWeek.Sunday => 0.5, DayOfWeek.Monday => 1.15, _ => 1.0 })
        * (1 + 0.25 * index / days);

    private ContactRecord Contact(int serial, DateTimeOffset started, string customer, double progress, TimeSpan window)
    {
        var category = Pick(DemoCatalogue.Categories.Select(c => (c, c.Weight)).ToArray());
        var zh = _random.NextDouble() < 0.3;
        var humanDirect = _random.NextDouble() < 0.18;
        var outcome = humanDirect ? ContactOutcomes.HumanDirect : BotOutcome(category, progress);
        var human = outcome is ContactOutcomes.Escalated or ContactOutcomes.HumanDirect;
        var engaged = outcome != ContactOutcomes.Unengaged;
        var minutes = human && (humanDirect || _random.NextDouble() < 0.9) ? Math.Round(LogNormal(2.1, 0.45), 2) : (double?)null;
        var duration = TimeSpan.FromMinutes(human ? (minutes ?? 8) + _random.Next(1, 15) : _random.Next(1, 8));
        var questions = zh ? category.QuestionsZh : category.QuestionsEn;
        var question = engaged && !humanDirect ? questions[_random.Next(questions.Length)] : null;
        var contact = new ContactRecord
        {
            Source = ContactSources.Demo,
            ContactKey = "demo-" + serial,
            CustomerId = customer,
            ChannelId = humanDirect ? Pick(DemoCatalogue.HumanChannels) : Pick(DemoCatalogue.BotChannels),
            Locale = zh ? "zh-CN" : "en",
            StartedAt = started,
            StartedDay = ContactRules.DayNumber(started),
            EndedAt = started + duration,
            LastActivityAt = started + duration,
            Outcome = outcome,
            Category = engaged ? category.Name : null,
            ArticleId = engaged && !humanDirect && outcome != ContactOutcomes.Abandoned ? category.Articles[_random.Next(category.Articles.Length)] : null,
            EscalationReason = outcome == ContactOutcomes.Escalated ? Pick(DemoCatalogue.EscalationReasons) : null,
            HandleMilliseconds = minutes is { } m ? (long)(m * 60_000) : null,
            Csat = Csat(outcome),
            HasCustomerMessage = engaged,
            AnswerShown = ContactOutcomes.IsDeflected(outcome),
            Question = question,
            QuestionKey = ContactRules.QuestionKey(question),
            UpdatedAt = started + duration,
        };
        (contact.LlmInputTokens, contact.LlmOutputTokens) = _modelCalls.Tokens(outcome);
        ContactRules.SetRecontactWindow(contact, window);
        return contact;
    }

    // The bot gets better over the months shown: fewer abandoned and escalated contacts, more deflected.
    private string BotOutcome(DemoCatalogue.Category category, double progress)
    {
        var escalated = category.EscalationShare * (1.1 - 0.25 * progress);
        var abandoned = 0.12 - 0.05 * progress;
        const double unengaged = 0.10;
        var confirmed = (1 - escalated - abandoned - unengaged) * 0.42;
        var r = _random.NextDouble();
        return r < unengaged ? ContactOutcomes.Unengaged
            : r < unengaged + escalated ? ContactOutcomes.Escalated
            : r < unengaged + escalated + abandoned ? ContactOutcomes.Abandoned
            : r < unengaged + escalated + abandoned + confirmed ? ContactOutcomes.DeflectedConfirmed
            : ContactOutcomes.DeflectedAssumed;
    }

    private int? Csat(string outcome)
    {
        var (asked, mean) = outcome switch
        {
            ContactOutcomes.DeflectedConfirmed => (0.5, 4.4),
            ContactOutcomes.DeflectedAssumed => (0.1, 3.8),
            ContactOutcomes.Escalated => (0.45, 3.9),
            ContactOutcomes.HumanDirect => (0.2, 4.0),
            _ => (0.05, 2.5),
        };
        return _random.NextDouble() < asked ? Math.Clamp((int)Math.Round(mean + Gaussian() * 0.9), 1, 5) : null;
    }

    // Office hours carry most contacts; nights a few.
    private int TimeOfDaySeconds() => (int)Math.Clamp((13.5 + Gaussian() * 3.5) * 3600, 0, 86_399);

    // Some customers come back often, most once: index skewed towards low numbers.
    private int Pareto(int customers) => (int)(customers * Math.Pow(_random.NextDouble(), 1.6));

    private T Pick<T>((T Value, double Weight)[] options)
    {
        var r = _random.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (value, weight) in options)
        {
            if ((r -= weight) <= 0) return value;
        }
        return options[^1].Value;
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private double LogNormal(double mu, double sigma) => Math.Exp(mu + sigma * Gaussian());
}
