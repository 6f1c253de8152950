using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace SelfServiceBot.Deploy.Tests.Azure;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored with this project), run on the
/// shipped templates. Diagnostics are read as SARIF, so a warning counts even when the exit code is 0 (lint's is).
/// </summary>
internal static class BicepCli
{
    public static string Executable { get; } = Locate();

    public sealed record Diagnostic(string RuleId, string Level, string Message, string File, int Line)
    {
        public override string ToString() => $"{Path.GetFileName(File)}({Line}) {Level} {RuleId}: {Message}";
    }

    public sealed record Result(int ExitCode, IReadOnlyList<Diagnostic> Diagnostics, string StandardError);

    public static Task<Result> BuildAsync(string template, string outFile) =>
        RunAsync(["build", template, "--outfile", outFile, "--diagnostics-format", "sarif"], environment: null);

    /// <summary>Builds every file the glob matches (relative to <paramref name="workingDirectory"/>) in one process.</summary>
    public static Task<Result> BuildAllAsync(string workingDirectory, string pattern, string outDir) =>
        RunAsync(["build", "--pattern", pattern, "--outdir", outDir, "--diagnostics-format", "sarif"], environment: null, workingDirectory);

    public static Task<Result> LintAsync(string template) =>
        RunAsync(["lint", template, "--diagnostics-format", "sarif"], environment: null);

    public static Task<Result> LintAllAsync(string workingDirectory, string pattern) =>
        RunAsync(["lint", "--pattern", pattern, "--diagnostics-format", "sarif"], environment: null, workingDirectory);

    public static Task<Result> BuildParamsAsync(string parameters, string outFile, IReadOnlyDictionary<string, string> environment) =>
        RunAsync(["build-params", parameters, "--outfile", outFile, "--diagnostics-format", "sarif"], environment);

    private static async Task<Result> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory ?? RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Bicep is a .NET single-file app: no telemetry from tests, no first-run chatter.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // lint writes its SARIF to standard output, build to standard error: read both.
        var (stdout, stderr) = (await output, await error);
        return new Result(process.ExitCode, [.. ParseSarif(stdout), .. ParseSarif(stderr)], stderr);
    }

    /// <summary>One SARIF document per file: with --pattern they follow one another on standard output.</summary>
    private static List<Diagnostic> ParseSarif(string text)
    {
        var diagnostics = new List<Diagnostic>();
        if (!text.TrimStart().StartsWith('{'))
        {
            return diagnostics;
        }
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var sarif = JsonDocument.ParseValue(ref reader);
            Collect(sarif.RootElement, diagnostics);
        }
        return diagnostics;
    }

    private static void Collect(JsonElement sarif, List<Diagnostic> diagnostics)
    {
        foreach (var run in sarif.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var location = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    ? locations[0].GetProperty("physicalLocation") : default;
                diagnostics.Add(new Diagnostic(
                    result.TryGetProperty("ruleId", out var rule) ? rule.GetString() ?? "" : "",
                    result.TryGetProperty("level", out var level) ? level.GetString() ?? "warning" : "warning",
                    result.GetProperty("message").GetProperty("text").GetString() ?? "",
                    location.ValueKind == JsonValueKind.Object ? location.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "" : "",
                    location.ValueKind == JsonValueKind.Object ? location.GetProperty("region").GetProperty("startLine").GetInt32() : 0));
            }
        }
    }

    private static string Locate()
    {
        var folder = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackageFolder")?.Value;
        if (string.IsNullOrEmpty(folder))
        {
            throw new InvalidOperationException("The build did not record where Azure.Bicep.CommandLine.linux-x64 was restored (BicepPackageFolder).");
        }
        var executable = Path.Combine(folder, "tools", "bicep");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException("The Bicep CLI is not in its NuGet package folder", executable);
        }
        // NuGet extracts files without their execute bit on some systems. (The package is the linux-x64 build.)
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The Bicep CLI package these tests use is the linux-x64 build.");
        }
        var mode = File.GetUnixFileMode(executable);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(executable, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return executable;
    }
}
