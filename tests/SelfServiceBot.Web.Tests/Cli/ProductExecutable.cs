using System.Diagnostics;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary>Runs the product's executable (SelfServiceBot.Web.dll, copied next to the tests) with a CLI verb, as an operator would.</summary>
internal static class ProductExecutable
{
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => RunInAsync(null, new Dictionary<string, string>(), args);

    /// <summary>Runs it from <paramref name="workingDirectory"/> (null: the tests') with extra environment variables.</summary>
    public static Task<(int Exit, string Stdout, string Stderr)> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment,
        params string[] args) => RunAsync(new ProductRun(workingDirectory, environment), args);

    /// <summary>Runs it as <paramref name="run"/> says: from where, which build, with what on standard input.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(ProductRun run, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (run.WorkingDirectory is not null)
        {
            start.WorkingDirectory = run.WorkingDirectory;
        }
        foreach (var (name, value) in run.Environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(run.AppFolder ?? AppContext.BaseDirectory, "SelfServiceBot.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        if (run.StandardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(run.StandardInput);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <param name="AppFolder">A published app's folder; null: the build copied next to the tests.</param>
internal sealed record ProductRun(
    string? WorkingDirectory, IReadOnlyDictionary<string, string> Environment, string? AppFolder = null, string? StandardInput = null);
