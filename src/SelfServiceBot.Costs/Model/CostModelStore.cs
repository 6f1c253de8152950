using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Costs.Model;

/// <summary>
/// The cost model with its history: versions saved by an Admin, each valid from a date until the next; before the first
/// version (or with none) the <c>Costs</c> configuration applies. Versions are only added, never changed.
/// </summary>
public sealed class CostModelStore(IDbContextFactory<BotDbContext> factory, IOptions<CostsOptions> options, TimeProvider clock)
{
    public async Task<(CostModel Model, string Source)> ValidAtAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = factory.CreateDbContext();
        // ValidFrom is compared in SQL (SQLite stores it as a sortable number); picking the latest happens here.
        var candidates = await db.CostModelVersions.AsNoTracking().Where(v => v.ValidFrom <= at).ToListAsync(cancellationToken);
        var version = candidates.OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Id).FirstOrDefault();
        return version is null
            ? (options.Value.ToModel(), "configuration")
            : (CostModel.Parse(version.ModelJson), $"stored:{version.Id}");
    }

    public async Task<IReadOnlyList<CostModelVersionRecord>> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var all = await db.CostModelVersions.AsNoTracking().ToListAsync(cancellationToken);
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
            ValidFrom = new DateTimeOffset(validFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            ModelJson = model.ToJson(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = by,
        };
        await using var db = factory.CreateDbContext();
        db.CostModelVersions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}

public sealed class CostModelInvalidException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
