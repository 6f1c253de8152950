namespace SelfServiceBot.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from (the folder holding SelfServiceBot.sln), for tests that drive files outside .NET.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SelfServiceBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"SelfServiceBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
