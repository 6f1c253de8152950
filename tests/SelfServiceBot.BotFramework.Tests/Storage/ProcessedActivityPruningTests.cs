using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfServiceBot.BotFramework.Pipeline;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.Tests.Infrastructure;

namespace SelfServiceBot.BotFramework.Tests.Storage;

public class ProcessedActivityPruningTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Claims_older_than_the_cutoff_are_deleted_batch_by_batch_and_a_recent_one_still_refuses_a_redelivery(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var now = DateTimeOffset.UtcNow;
        await using (var context = db.Factory.CreateDbContext())
        {
            // More than two batches, completed and abandoned ones alike.
            context.ProcessedActivities().AddRange(Enumerable.Range(0, 4_500).Select(i => new ProcessedActivity
            {
                ChannelId = "emulator", ConversationId = "old", ActivityId = $"a{i}", ClaimedAt = now.AddDays(-3), CompletedAt = i % 2 == 0 ? now.AddDays(-3) : null,
            }));
            await context.SaveChangesAsync();
        }
        var claims = db.Services.GetRequiredService<IProcessedActivityStore>();
        var recent = new ActivityKey("emulator", "new", "b1");
        Assert.True(await claims.TryClaimAsync(recent, TimeSpan.FromMinutes(1), default));
        await claims.CompleteAsync(recent, default);

        var deleted = await db.Services.GetRequiredService<ProcessedActivityPruning>().PruneAsync(now.AddDays(-2), default);

        Assert.Equal(4_500, deleted);
        await using var check = db.Factory.CreateDbContext();
        Assert.Equal(["b1"], await check.ProcessedActivities().Select(p => p.ActivityId).ToListAsync());
        Assert.False(await claims.TryClaimAsync(recent, TimeSpan.Zero, default));
    }

    [Fact]
    public async Task In_the_background_a_pass_pauses_after_each_full_batch_and_a_direct_call_does_not()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var now = DateTimeOffset.UtcNow;
        await using (var context = db.Factory.CreateDbContext())
        {
            // For each call two full batches and a part: two pauses when paced.
            foreach (var daysAgo in new[] { 5, 3 })
            {
                context.ProcessedActivities().AddRange(Enumerable.Range(0, 2 * ProcessedActivityPruning.BatchSize + 10).Select(i => new ProcessedActivity
                {
                    ChannelId = "emulator", ConversationId = $"old{daysAgo}", ActivityId = $"a{i}", ClaimedAt = now.AddDays(-daysAgo), CompletedAt = now.AddDays(-daysAgo),
                }));
            }
            await context.SaveChangesAsync();
        }
        var pruning = db.Services.GetRequiredService<ProcessedActivityPruning>();
        var pauses = new List<TimeSpan>();
        pruning.Pacing.Pause = (pause, _) => { pauses.Add(pause); return Task.CompletedTask; };

        var direct = await pruning.PruneAsync(now.AddDays(-4), default);
        var pausesWhenDirect = pauses.Count;
        pruning.Paced = true;
        var background = await pruning.PruneAsync(now.AddDays(-2), default);

        Assert.Equal((2 * ProcessedActivityPruning.BatchSize + 10, 2 * ProcessedActivityPruning.BatchSize + 10), (direct, background));
        Assert.Equal(0, pausesWhenDirect);
        Assert.Equal(2, pauses.Count);
        Assert.All(pauses, p => Assert.True(p > TimeSpan.Zero));
    }

    [Fact]
    public async Task The_oldest_claims_are_found_by_an_index_not_by_sorting_the_whole_table()
    {
        // At 300 turns/s two days of claims are 50 million rows; each batch of the pruning asks for the 500 oldest.
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.Factory.CreateDbContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN SELECT * FROM ProcessedActivities WHERE ClaimedAt < 0 ORDER BY ClaimedAt LIMIT 500";
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("IX_ProcessedActivities_ClaimedAt", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pruning_runs_as_a_hosted_service()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        Assert.Contains(db.Services.GetServices<IHostedService>(), s => s is ProcessedActivityPruning);
    }
}
