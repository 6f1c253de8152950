namespace SelfServiceBot.Deploy.Tests;

/// <summary>The repository's own files, found from the test's output folder: the tests read what is shipped, never copies.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SelfServiceBot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SelfServiceBot.sln not found above " + AppContext.BaseDirectory);
    }
}
