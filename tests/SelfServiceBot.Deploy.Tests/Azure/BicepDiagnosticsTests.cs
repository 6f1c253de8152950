namespace SelfServiceBot.Deploy.Tests.Azure;

/// <summary>Every template in deploy/azure builds and lints with no error and no warning (deploy/azure/bicepconfig.json sets the rules).</summary>
public sealed class BicepDiagnosticsTests
{
    private const string Pattern = AzureTemplates.Folder + "/**/*.bicep";

    [Fact]
    public void The_folder_has_the_main_template_and_its_modules()
    {
        var templates = AzureTemplates.All().ToList();

        Assert.Contains("deploy/azure/main.bicep", templates);
        Assert.Contains(templates, t => t.StartsWith("deploy/azure/modules/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_template_builds_without_errors_or_warnings()
    {
        var outDir = Directory.CreateTempSubdirectory("bicep-").FullName;

        var result = await BicepCli.BuildAllAsync(RepositoryFiles.Root, Pattern, outDir);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(result.Diagnostics);
        var built = Directory.EnumerateFiles(outDir, "*.json", SearchOption.AllDirectories)
            .Select(path => $"{AzureTemplates.Folder}/{Path.ChangeExtension(Path.GetRelativePath(outDir, path), ".bicep")}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(AzureTemplates.All(), built);
    }

    [Fact]
    public async Task Every_template_lints_without_errors_or_warnings()
    {
        var result = await BicepCli.LintAllAsync(RepositoryFiles.Root, Pattern);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task The_parameters_file_builds_with_its_secrets_from_the_environment()
    {
        var outFile = Path.Combine(Directory.CreateTempSubdirectory("bicep-").FullName, "main.parameters.json");
        var environment = new Dictionary<string, string>
        {
            ["CONTAINER_IMAGE"] = "example.azurecr.io/selfservicebot:1.0.0",
            ["POSTGRES_ADMIN_PASSWORD"] = "not-a-real-password",
        };

        var result = await BicepCli.BuildParamsAsync(RepositoryFiles.PathOf($"{AzureTemplates.Folder}/main.bicepparam"), outFile, environment);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("example.azurecr.io/selfservicebot:1.0.0", await File.ReadAllTextAsync(outFile));
    }

    [Fact]
    public async Task A_warning_in_a_template_is_reported_as_a_diagnostic()
    {
        // The tests above pass on an empty diagnostics list: prove that a real warning shows up in it.
        var copy = Directory.CreateTempSubdirectory("bicep-warning-").FullName;
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf(AzureTemplates.Folder), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(RepositoryFiles.PathOf(AzureTemplates.Folder), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        await File.AppendAllTextAsync(Path.Combine(copy, "main.bicep"), "\nparam neverUsed string = 'x'\n");

        var result = await BicepCli.LintAsync(Path.Combine(copy, "main.bicep"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("no-unused-params", diagnostic.RuleId);
        Assert.Equal("warning", diagnostic.Level);
    }
}
