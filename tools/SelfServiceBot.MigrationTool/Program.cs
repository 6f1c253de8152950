using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.BotFramework.Storage;
using SelfServiceBot.Conversation.Storage;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data.Model;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff.Storage;
using SelfServiceBot.KnowledgeDrafts.Storage;

// The dotnet-ef tool is not on the NuGet mirror here, so this does its "migrations add" for both providers:
//   dotnet run --project tools/SelfServiceBot.MigrationTool -- NAME
// It writes src/SelfServiceBot.Data/Migrations/{Sqlite,Postgres}/.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: SelfServiceBot.MigrationTool MIGRATION_NAME");
    return 2;
}

var name = args[0];
var dataProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SelfServiceBot.Data"));
if (!File.Exists(Path.Combine(dataProject, "SelfServiceBot.Data.csproj")))
{
    Console.Error.WriteLine($"Cannot find the Data project at {dataProject}");
    return 1;
}

// The model of every module that owns tables, as the app composes it (SelfServiceBot.Web's BotDatabase.Modules).
DataModule[] modules = [new BotFrameworkData(), new ConversationData(), new HandoffData(), new CostsData(), new KnowledgeDraftsData()];
Scaffold(new SqliteBotDbContext(new DbContextOptionsBuilder<SqliteBotDbContext>().UseSqlite("Data Source=:memory:").UseDataModules(modules).Options), "Sqlite");
Scaffold(new PostgresBotDbContext(new DbContextOptionsBuilder<PostgresBotDbContext>().UseNpgsql("Host=localhost").UseDataModules(modules).Options), "Postgres");
return 0;

void Scaffold(BotDbContext context, string provider)
{
    var reporter = new ConsoleReporter();
    var assembly = typeof(BotDbContext).Assembly;
    var builder = new DesignTimeServicesBuilder(assembly, assembly, reporter, []);
    var services = builder.Build(context);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "SelfServiceBot.Data", $"Migrations.{provider}", "C#");
    var files = scaffolder.Save(dataProject, migration, Path.Combine(dataProject, "Migrations", provider));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}

sealed class ConsoleReporter : IOperationReporter
{
    public void WriteError(string message) => Console.Error.WriteLine(message);
    public void WriteWarning(string message) => Console.Error.WriteLine(message);
    public void WriteInformation(string message) => Console.WriteLine(message);
    public void WriteVerbose(string message) { }
}
