using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>The executable run on a test app's own SQLite database, from its data folder, as an operator on the server would.</summary>
internal static class AppServerCli
{
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(AppServer app, IReadOnlyDictionary<string, string>? environment,
        params string[] args)
    {
        var settings = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["ConnectionStrings__SelfServiceBot"] = $"Data Source={Path.Combine(app.DataDirectory, "bot.db")}",
        };
        return ProductExecutable.RunAsync(new ProductRun(app.DataDirectory, settings), args);
    }
}
