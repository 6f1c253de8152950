using SelfServiceBot.Data.Model;
using SelfServiceBot.Data.Tests.Infrastructure;
using SelfServiceBot.Web.Persistence;

namespace SelfServiceBot.Web.Tests.Persistence;

/// <summary>
/// The app's database is composed of every module that owns tables, and the test fixture composes the same ones: a module
/// missing from either would leave its tables out of the model the tests or the app see.
/// </summary>
public sealed class BotDatabaseTests
{
    [Fact]
    public void The_app_and_the_test_fixture_compose_the_same_modules()
    {
        Assert.Equal(Names(BotDatabase.Modules), Names(TestDatabase.Modules));
    }

    [Fact]
    public void Every_data_module_of_the_solution_is_in_the_app_s_database()
    {
        var declared = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("SelfServiceBot.", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(DataModule)) && !t.Namespace!.Contains(".Tests", StringComparison.Ordinal))
            .Select(t => t.FullName!).Order().ToList();

        Assert.Equal(declared, Names(BotDatabase.Modules));
        Assert.Equal(5, declared.Count);
    }

    private static List<string> Names(IEnumerable<DataModule> modules) => modules.Select(m => m.GetType().FullName!).Order().ToList();
}
