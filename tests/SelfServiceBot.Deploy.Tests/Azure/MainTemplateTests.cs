using System.Text.Json.Nodes;

namespace SelfServiceBot.Deploy.Tests.Azure;

/// <summary>What main.bicep deploys, read from its compiled ARM JSON: the things a working bot depends on.</summary>
public sealed class MainTemplateTests
{
    [Fact]
    public async Task The_container_app_probes_liveness_and_readiness_on_the_app_port()
    {
        var app = Assert.Single(AzureTemplates.OfType(await AzureTemplates.MainAsync(), "Microsoft.App/containerApps"));

        var container = Assert.Single(app["properties"]!["template"]!["containers"]!.AsArray());
        var probes = container!["probes"]!.AsArray().ToDictionary(p => p!["type"]!.GetValue<string>());
        Assert.Equal("/health/live", probes["Liveness"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/health/ready", probes["Readiness"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.All(probes.Values, p => Assert.Equal(3978, p!["httpGet"]!["port"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_container_app_takes_external_https_traffic_on_port_3978_and_scales_on_http()
    {
        var app = Assert.Single(AzureTemplates.OfType(await AzureTemplates.MainAsync(), "Microsoft.App/containerApps"));

        var ingress = app["properties"]!["configuration"]!["ingress"]!;
        Assert.True(ingress["external"]!.GetValue<bool>());
        Assert.False(ingress["allowInsecure"]!.GetValue<bool>());
        Assert.Equal(3978, ingress["targetPort"]!.GetValue<int>());
        var rule = Assert.Single(app["properties"]!["template"]!["scale"]!["rules"]!.AsArray());
        Assert.NotNull(rule!["http"]);
        Assert.Equal("UserAssigned", app["identity"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_app_gets_the_settings_it_reads_with_its_secrets_from_key_vault()
    {
        var module = AzureTemplates.Module(await AzureTemplates.MainAsync(), "containerapp");

        var settings = module["variables"]!["settings"]!.AsArray().ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.ToString());
        Assert.Equal("Postgres", settings["Database__Provider"]);
        Assert.Equal("true", settings["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        Assert.Equal("[parameters('botAppType')]", settings["MicrosoftAppType"]);
        foreach (var name in new[] { "MicrosoftAppId", "MicrosoftAppTenantId", "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING" })
        {
            Assert.Contains(name, settings.Keys);
        }
        // The secrets are a conditional list (the bot's password and the Direct Line secret only when given): the
        // compiled expression names each setting it feeds.
        var secrets = module["variables"]!["keyVaultSecrets"]!.GetValue<string>();
        foreach (var name in new[] { "ConnectionStrings__SelfServiceBot", "Redis__Configuration", "MicrosoftAppPassword", "DirectLine__Secret" })
        {
            Assert.Contains($"'env', '{name}'", secrets, StringComparison.Ordinal);
            Assert.DoesNotContain(name, settings.Keys);
        }
        var app = Assert.Single(AzureTemplates.OfType(module, "Microsoft.App/containerApps"));
        var secretList = Assert.Single(app["properties"]!["configuration"]!["copy"]!.AsArray());
        Assert.Equal("secrets", secretList!["name"]!.GetValue<string>());
        Assert.NotNull(secretList["input"]!["keyVaultUrl"]);
        Assert.Null(secretList["input"]!["value"]);
    }

    [Fact]
    public async Task The_bot_is_a_user_assigned_managed_identity_by_default()
    {
        var main = await AzureTemplates.MainAsync();

        Assert.Equal("UserAssignedMSI", main["parameters"]!["botAppType"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("F0", main["parameters"]!["botSku"]!["defaultValue"]!.GetValue<string>());
        var bot = Assert.Single(AzureTemplates.OfType(main, "Microsoft.BotService/botServices"));
        var properties = bot["properties"]!;
        Assert.Equal("[parameters('appType')]", properties["msaAppType"]!.GetValue<string>());
        Assert.Equal("[if(equals(parameters('appType'), 'UserAssignedMSI'), parameters('identityId'), null())]",
            properties["msaAppMSIResourceId"]!.GetValue<string>());
        Assert.NotNull(properties["msaAppTenantId"]);
        // main hands the bot module the identity's resource id, and (for UserAssignedMSI) its client id as the app id.
        var parameters = AzureTemplates.Deployment(main, "bot")["properties"]!["parameters"]!;
        Assert.Equal("[reference(resourceId('Microsoft.Resources/deployments', 'identity'), '2025-04-01').outputs.id.value]", Expression(parameters["identityId"]!));
        Assert.StartsWith("[if(equals(parameters('botAppType'), 'UserAssignedMSI'), createObject('value', reference(resourceId('Microsoft.Resources/deployments', 'identity'), '2025-04-01').outputs.clientId.value)",
            Expression(parameters["appId"]!), StringComparison.Ordinal);
        Assert.EndsWith("/api/messages', reference(resourceId('Microsoft.Resources/deployments', 'containerapp'), '2025-04-01').outputs.fqdn.value)]",
            Expression(parameters["endpoint"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_has_the_teams_and_direct_line_channels()
    {
        var channels = AzureTemplates.OfType(await AzureTemplates.MainAsync(), "Microsoft.BotService/botServices/channels")
            .ToDictionary(c => c["properties"]!["channelName"]!.GetValue<string>());

        Assert.Equal(["DirectLineChannel", "MsTeamsChannel"], channels.Keys.Order(StringComparer.Ordinal));
        Assert.True(channels["MsTeamsChannel"]["properties"]!["properties"]!["isEnabled"]!.GetValue<bool>());
        var site = Assert.Single(channels["DirectLineChannel"]["properties"]!["properties"]!["sites"]!.AsArray());
        Assert.True(site!["isV3Enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_identity_may_read_key_vault_secrets_and_key_vault_uses_rbac()
    {
        var main = await AzureTemplates.MainAsync();

        var vault = Assert.Single(AzureTemplates.OfType(main, "Microsoft.KeyVault/vaults"));
        Assert.True(vault["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
        var identity = AzureTemplates.Module(main, "identity");
        var roles = AzureTemplates.OfType(identity, "Microsoft.Authorization/roleAssignments")
            .Select(r => r["properties"]!["roleDefinitionId"]!.GetValue<string>())
            .Select(id => identity["variables"]![id.Split("variables('")[1].Split("')")[0]]!.GetValue<string>());
        // Key Vault Secrets User, and AcrPull (on the registry, when one is named)
        Assert.Equal(["4633458b-17de-408a-b874-0445c86b69e6", "7f951dda-4ed3-4680-a7ca-43fe172d538d"], roles.Order(StringComparer.Ordinal));
    }

    /// <summary>A module parameter as compiled: {"value": expr}, or one expression that yields that object.</summary>
    private static string Expression(JsonNode parameter) =>
        parameter is JsonValue value ? value.GetValue<string>() : parameter["value"]!.GetValue<string>();

    [Fact]
    public async Task No_output_carries_a_secure_parameter_or_a_listed_key()
    {
        var main = await AzureTemplates.MainAsync();
        var templates = new List<(string Name, JsonObject Template)> { ("main", main) };
        templates.AddRange(AzureTemplates.Resources(main)
            .Where(r => r.Resource["properties"]?["template"] is JsonObject)
            .Select(r => (r.Resource["name"]!.GetValue<string>(), (JsonObject)r.Resource["properties"]!["template"]!)));

        Assert.Contains(templates, t => t.Name == "postgres");
        foreach (var (name, template) in templates)
        {
            var secureParameters = (template["parameters"]?.AsObject() ?? [])
                .Where(p => p.Value!["type"]!.GetValue<string>().Equals("securestring", StringComparison.OrdinalIgnoreCase))
                .Select(p => $"parameters('{p.Key}')").ToList();
            foreach (var (outputName, output) in template["outputs"]?.AsObject() ?? [])
            {
                var type = output!["type"]!.GetValue<string>();
                var value = output["value"]!.ToJsonString();
                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{name}.{outputName} is a {type} output");
                Assert.DoesNotMatch(@"\blist[A-Za-z]*\(", value); // listKeys(), listSecrets()...
                Assert.All(secureParameters, p => Assert.DoesNotContain(p, value, StringComparison.Ordinal));
            }
        }
    }
}
