using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfServiceBot.Deploy.Tests.Teams;

/// <summary>deploy/teams/make-package.sh run as an operator runs it, into a temp folder, and the zip it writes unpacked.</summary>
internal sealed record TeamsPackage(int ExitCode, string Output, string Error, string Folder, IReadOnlyList<string> Entries)
{
    public const string AppId = "0f8c3b7e-52d1-4d8e-9a55-3c1f2b7a9e10";
    public const string Domain = "bot.example.com";

    public JsonObject Manifest => Json("manifest.json");

    public JsonObject Json(string entry) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, entry)))!;

    public static async Task<TeamsPackage> MakeAsync(IReadOnlyList<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var work = Directory.CreateTempSubdirectory("teams-package-").FullName;
        var zip = Path.Combine(work, "package.zip");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        start.ArgumentList.Add(RepositoryFiles.PathOf("deploy/teams/make-package.sh"));
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(zip);
        start.Environment["MICROSOFT_APP_ID"] = AppId;
        start.Environment["BOT_DOMAIN"] = Domain;
        start.Environment.Remove("TEAMS_APP_VERSION");
        start.Environment.Remove("TEAMS_SCOPES");
        start.Environment.Remove("TEAMS_APP_ID");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var folder = Path.Combine(work, "unpacked");
        var entries = new List<string>();
        if (process.ExitCode == 0)
        {
            using var archive = ZipFile.OpenRead(zip);
            entries.AddRange(archive.Entries.Select(e => e.FullName));
            archive.ExtractToDirectory(folder);
        }
        return new TeamsPackage(process.ExitCode, await output, await error, folder, entries);
    }

    /// <summary>
    /// Validates files against the schema each declares, from the pinned npm package @microsoft/app-manifest
    /// (tests/teams-manifest-node, installed by scripts/install-test-deps.sh). File name to its errors.
    /// </summary>
    public static async Task<Dictionary<string, List<string>>> ValidateAsync(params string[] files)
    {
        var folder = RepositoryFiles.PathOf("tests/teams-manifest-node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "app-manifest")))
        {
            throw new InvalidOperationException($"{folder}/node_modules is missing: run scripts/install-test-deps.sh");
        }
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add("validate.js");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var results = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .ToDictionary(r => Path.GetFileName(r["file"]!.GetValue<string>()), r => r["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList());
        if (results.Count != files.Length)
        {
            throw new InvalidOperationException($"the validator answered for {results.Count} of {files.Length} files: {error}");
        }
        return results;
    }

    public static string Describe(Dictionary<string, List<string>> errors) => JsonSerializer.Serialize(errors);
}
