using System.Diagnostics;

namespace SelfServiceBot.Deploy.Tests.Infrastructure;

/// <summary>
/// The app as deploy/Dockerfile lays it out: <c>dotnet publish</c> of SelfServiceBot.Web (from the build the test run
/// already made) with the sample knowledge base beside it, once per test run.
/// </summary>
internal static class PublishedApp
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _folder;

    public static async Task<string> FolderAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _folder ??= await PublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> PublishAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ssb-tests", "published-" + Guid.NewGuid().ToString("N"));
        var project = RepositoryFiles.PathOf("src/SelfServiceBot.Web/SelfServiceBot.Web.csproj");
        var (exit, output) = await RunAsync("dotnet", "publish", project, "-c", "Release", "--no-build", "-o", folder);
        if (exit != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({exit}):\n{output}");
        }
        CopyFolder(RepositoryFiles.PathOf("knowledgebase"), Path.Combine(folder, "knowledgebase"));
        return folder;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
