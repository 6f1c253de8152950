using System.Diagnostics;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>Runs the product's executable (SelfServiceBot.Web.dll, copied next to the tests) with a CLI verb, as an operator would.</summary>
internal static class ProductExecutable
{
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => RunInAsync(null, new Dictionary<string, string>(), args);

    /// <summary>Runs it from <paramref name="workingDirectory"/> (null: the tests') with extra environment variables.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SelfServiceBot.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}
