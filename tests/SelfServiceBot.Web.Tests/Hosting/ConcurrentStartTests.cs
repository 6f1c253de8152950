using SelfServiceBot.Web.Tests.Cli;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Hosting;

/// <summary>
/// A scale-out's first start: two instances of the real app, separate processes, started at the same moment on one empty
/// database, both migrating on start. Before the migration lock one of them crashed on PostgreSQL in 3 of 4 tries
/// (42P07, issue 18). scripts/concurrent-starts.sh runs more rounds of the same.
/// </summary>
public class ConcurrentStartTests
{
    private const int Rounds = 3;

    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_instances_started_at_the_same_moment_on_an_empty_database_both_become_healthy(string provider)
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ssb-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            await using var postgres = provider == "Postgres" ? await TestPostgres.CreateAsync() : null;
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = provider,
                ["ConnectionStrings__SelfServiceBot"] = postgres?.ConnectionString ?? $"Data Source={Path.Combine(folder, "bot.db")}",
            };
            try
            {
                using var first = ProductProcess.Start(environment, folder);
                using var second = ProductProcess.Start(environment, folder);
                var healthy = await Task.WhenAll(first.WaitHealthyAsync(TimeSpan.FromSeconds(90)), second.WaitHealthyAsync(TimeSpan.FromSeconds(90)));

                Assert.True(healthy[0], $"round {round}: the first instance did not become healthy:\n{first.Output}");
                Assert.True(healthy[1], $"round {round}: the second instance did not become healthy:\n{second.Output}");
                var check = await ProductExecutable.RunInAsync(folder, environment, "migrate", "--check");
                Assert.True(check.Exit == 0, $"round {round}: migrate --check: {check.Stdout}{check.Stderr}");
            }
            finally
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }
    }
}
