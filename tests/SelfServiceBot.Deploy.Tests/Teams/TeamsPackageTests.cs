using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SelfServiceBot.Deploy.Tests.Teams;

/// <summary>The Teams package as make-package.sh builds it, checked against the official schemas and Teams' icon rules.</summary>
public sealed class TeamsPackageTests
{
    [Fact]
    public async Task The_default_package_validates_against_the_schemas_it_declares()
    {
        var package = await TeamsPackage.MakeAsync();

        Assert.True(package.ExitCode == 0, package.Error);
        Assert.Equal(["color.png", "manifest.json", "outline.png", "zh-cn.json"], package.Entries.Order(StringComparer.Ordinal));
        var errors = await TeamsPackage.ValidateAsync(Path.Combine(package.Folder, "manifest.json"), Path.Combine(package.Folder, "zh-cn.json"));
        Assert.True(errors.Values.All(e => e.Count == 0), TeamsPackage.Describe(errors));
    }

    [Fact]
    public async Task The_default_package_has_only_the_personal_scope()
    {
        var package = await TeamsPackage.MakeAsync();

        var bot = package.Manifest["bots"]![0]!;
        Assert.Equal(["personal"], Strings(bot["scopes"]!));
        var list = Assert.Single(bot["commandLists"]!.AsArray());
        Assert.Equal(["personal"], Strings(list!["scopes"]!));
    }

    [Fact]
    public async Task Team_and_group_chat_scopes_are_opt_in_and_get_a_command_list_each()
    {
        var package = await TeamsPackage.MakeAsync(["--scopes", "personal,team,groupChat"]);

        Assert.True(package.ExitCode == 0, package.Error);
        var bot = package.Manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], Strings(bot["scopes"]!));
        Assert.Equal(["personal", "team", "groupChat"], bot["commandLists"]!.AsArray().Select(l => Assert.Single(Strings(l!["scopes"]!))));
        var chinese = package.Json("zh-cn.json");
        Assert.Equal("转人工", chinese["bots[0].commandLists[2].commands[1].title"]!.GetValue<string>());
        var errors = await TeamsPackage.ValidateAsync(Path.Combine(package.Folder, "manifest.json"), Path.Combine(package.Folder, "zh-cn.json"));
        Assert.True(errors.Values.All(e => e.Count == 0), TeamsPackage.Describe(errors));
    }

    [Fact]
    public async Task The_scopes_also_come_from_the_environment()
    {
        var package = await TeamsPackage.MakeAsync(environment: new Dictionary<string, string> { ["TEAMS_SCOPES"] = "personal,groupChat" });

        Assert.Equal(["personal", "groupChat"], Strings(package.Manifest["bots"]![0]!["scopes"]!));
    }

    [Fact]
    public async Task The_validator_reports_a_manifest_that_breaks_the_schema()
    {
        var package = await TeamsPackage.MakeAsync();
        var manifest = package.Manifest;
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        var broken = Path.Combine(package.Folder, "broken.json");
        await File.WriteAllTextAsync(broken, manifest.ToJsonString());

        var errors = await TeamsPackage.ValidateAsync(broken);

        Assert.Contains(errors["broken.json"], e => e.StartsWith("/bots/0/botId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_manifest_links_the_apps_privacy_and_terms_pages_and_localizes_to_chinese()
    {
        var package = await TeamsPackage.MakeAsync();

        var manifest = package.Manifest;
        Assert.Equal($"https://{TeamsPackage.Domain}/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal($"https://{TeamsPackage.Domain}/terms", manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
        Assert.Equal(TeamsPackage.AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        var localization = manifest["localizationInfo"]!;
        Assert.Equal("en-us", localization["defaultLanguageTag"]!.GetValue<string>());
        var chinese = Assert.Single(localization["additionalLanguages"]!.AsArray());
        Assert.Equal("zh-cn", chinese!["languageTag"]!.GetValue<string>());
        Assert.Contains(chinese["file"]!.GetValue<string>(), package.Entries);
    }

    [Fact]
    public async Task The_commands_are_phrases_the_bot_understands_in_both_languages()
    {
        var package = await TeamsPackage.MakeAsync();

        var commands = package.Manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>());
        Assert.Equal(["hi", "talk to a person", "start over"], commands);
        var chinese = package.Json("zh-cn.json");
        Assert.Equal(["你好", "转人工", "重新开始"], Enumerable.Range(0, 3).Select(i => chinese[$"bots[0].commandLists[0].commands[{i}].title"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("--version", "2.3.4", null)]
    [InlineData(null, "3.0.11", "3.0.11")]
    public async Task The_version_comes_from_the_option_or_the_environment(string? option, string expected, string? environment)
    {
        var package = await TeamsPackage.MakeAsync(
            option is null ? [] : [option, expected],
            environment is null ? null : new Dictionary<string, string> { ["TEAMS_APP_VERSION"] = environment });

        Assert.True(package.ExitCode == 0, package.Error);
        Assert.Equal(expected, package.Manifest["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_version_it_is_one_zero_and_the_commit_count_so_each_commit_builds_a_newer_app()
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", RepositoryFiles.Root, "rev-list", "--count", "HEAD"]) { RedirectStandardOutput = true })!;
        var commits = (await git.StandardOutput.ReadToEndAsync()).Trim();
        await git.WaitForExitAsync();

        var package = await TeamsPackage.MakeAsync();

        Assert.Equal($"1.0.{commits}", package.Manifest["version"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--version", "1.2", "MAJOR.MINOR.PATCH")]
    [InlineData("--version", "v1.2.3", "MAJOR.MINOR.PATCH")]
    [InlineData("--version", "1.02.3", "MAJOR.MINOR.PATCH")]
    [InlineData("--version", "1.2.3-beta", "MAJOR.MINOR.PATCH")]
    [InlineData("--scopes", "personal,channel", "scopes must be")]
    [InlineData("--scopes", "", "--scopes needs a value")]
    public async Task Bad_input_stops_with_a_message_that_names_it(string option, string value, string message)
    {
        var package = await TeamsPackage.MakeAsync([option, value]);

        Assert.NotEqual(0, package.ExitCode);
        Assert.Contains(message, package.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_id_that_is_not_a_guid_is_refused()
    {
        var package = await TeamsPackage.MakeAsync(environment: new Dictionary<string, string> { ["MICROSOFT_APP_ID"] = "my-bot" });

        Assert.NotEqual(0, package.ExitCode);
        Assert.Contains("MICROSOFT_APP_ID must be a GUID", package.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_colour_icon_is_192_pixels_square()
    {
        var package = await TeamsPackage.MakeAsync();

        var icon = PngImage.Read(Path.Combine(package.Folder, package.Manifest["icons"]!["color"]!.GetValue<string>()));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        // In colour, as the outline icon must not be: the same pixel check tells them apart.
        Assert.Contains(icon.Pixels, p => p.A == 255 && (p.R, p.G, p.B) != (255, 255, 255));
    }

    [Fact]
    public async Task The_outline_icon_is_32_pixels_square_white_on_transparent()
    {
        var package = await TeamsPackage.MakeAsync();

        var icon = PngImage.Read(Path.Combine(package.Folder, package.Manifest["icons"]!["outline"]!.GetValue<string>()));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.All(icon.Pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither transparent nor white"));
        Assert.Contains(icon.Pixels, p => p.A == 0);
        Assert.Contains(icon.Pixels, p => p.A > 0);
    }

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
