using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Model;

/// <summary>
/// The cost model with its history: versions saved by an Admin, each valid from a date until the next; before the first
/// version (or with none) the <c>Costs</c> configuration applies. Versions are only added, never changed.
/// </summary>
public sealed class CostModelStore(IDbContextFactory<BotDbContext> factory, IOptions<CostsOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The models that apply in [from, to), in time order: the one valid on <paramref name="from"/>, then one span per version
    /// that starts inside the period. Of several versions saved for the same day the last saved wins.
    /// </summary>
    public async Task<IReadOnlyList<ModelSpan>> DuringAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var end = Midnight(to);
        await using var db = factory.CreateDbContext();
        // ValidFrom is compared in SQL (SQLite stores it as a sortable number); ordering and picking happen here.
        var candidates = await db.CostModelVersions().AsNoTracking().Where(v => v.ValidFrom < end).ToListAsync(cancellationToken);
        var versions = candidates.GroupBy(v => Day(v.ValidFrom)).Select(g => g.MaxBy(v => v.Id)!).OrderBy(v => v.ValidFrom).ToList();
        var atStart = versions.LastOrDefault(v => Day(v.ValidFrom) <= from);
        var (model, source) = atStart is null ? (options.Value.ToModel(), "configuration") : (CostModel.Parse(atStart.ModelJson), Source(atStart));
        var spans = new List<ModelSpan>();
        var start = from;
        foreach (var version in versions.Where(v => Day(v.ValidFrom) > from))
        {
            spans.Add(new ModelSpan(start, Day(version.ValidFrom), model, source));
            (start, model, source) = (Day(version.ValidFrom), CostModel.Parse(version.ModelJson), Source(version));
        }
        spans.Add(new ModelSpan(start, to, model, source));
        return spans;
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string Source(CostModelVersionRecord version) => $"stored:{version.Id}";

    public async Task<IReadOnlyList<CostModelVersionRecord>> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var all = await db.CostModelVersions().AsNoTracking().ToListAsync(cancellationToken);
        return all.OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Id).ToList();
    }

    /// <summary>Saves a new version; refuses an invalid model with the validator's messages.</summary>
    public async Task<CostModelVersionRecord> SaveAsync(CostModel model, DateOnly validFrom, string? by, CancellationToken cancellationToken)
    {
        var errors = CostModelValidator.Validate(model);
        if (errors.Count > 0)
        {
            throw new CostModelInvalidException(errors);
        }
        var record = new CostModelVersionRecord
        {
            ValidFrom = Midnight(validFrom),
            ModelJson = model.ToJson(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = by,
        };
        await using var db = factory.CreateDbContext();
        db.CostModelVersions().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}

public sealed class CostModelInvalidException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>A stretch [From, To) of a report period and the cost model valid in it (<c>configuration</c>, <c>stored:ID</c> or <c>file</c>).</summary>
public sealed record ModelSpan(DateOnly From, DateOnly To, CostModel Model, string Source);
