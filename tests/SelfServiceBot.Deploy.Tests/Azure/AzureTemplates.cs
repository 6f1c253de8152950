using System.Text.Json.Nodes;

namespace SelfServiceBot.Deploy.Tests.Azure;

/// <summary>deploy/azure's templates, and main.bicep compiled once to ARM JSON for the tests that read what it deploys.</summary>
internal static class AzureTemplates
{
    public const string Folder = "deploy/azure";

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf(Folder), "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    private static readonly Lazy<Task<JsonObject>> Main = new(CompileMainAsync);

    public static Task<JsonObject> MainAsync() => Main.Value;

    /// <summary>Every resource of the compiled template, nested deployments' (the modules') included, with the module's name.</summary>
    public static IEnumerable<(string Module, JsonObject Resource)> Resources(JsonObject template, string module = "main")
    {
        foreach (var resource in ResourceList(template))
        {
            yield return (module, resource);
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested, resource["name"]!.GetValue<string>()))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The compiled template of a module (a nested deployment of main) by its deployment name.</summary>
    public static JsonObject Module(JsonObject main, string name) =>
        (JsonObject)ResourceList(main).Single(r => r["name"]?.GetValue<string>() == name)["properties"]!["template"]!;

    public static JsonObject Deployment(JsonObject main, string name) =>
        ResourceList(main).Single(r => r["type"]?.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]?.GetValue<string>() == name);

    public static IEnumerable<JsonObject> OfType(JsonObject main, string type) =>
        Resources(main).Select(r => r.Resource).Where(r => string.Equals(r["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));

    // languageVersion 2.0 templates hold resources in an object keyed by symbolic name, older ones in an array.
    private static IEnumerable<JsonObject> ResourceList(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject byName => byName.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    private static async Task<JsonObject> CompileMainAsync()
    {
        var outFile = Path.Combine(Directory.CreateTempSubdirectory("bicep-").FullName, "main.json");
        var result = await BicepCli.BuildAsync(RepositoryFiles.PathOf($"{Folder}/main.bicep"), outFile);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("bicep build main.bicep failed: " + result.StandardError + string.Join("\n", result.Diagnostics));
        }
        return (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(outFile))!;
    }
}
