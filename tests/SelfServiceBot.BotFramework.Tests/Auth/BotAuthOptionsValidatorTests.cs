using SelfServiceBot.BotFramework.Auth;

namespace SelfServiceBot.BotFramework.Tests.Auth;

public sealed class BotAuthOptionsValidatorTests
{
    private static string? Validate(string? type, string? id, string? password, string? tenant)
    {
        var result = new BotAuthOptionsValidator().Validate(null, new BotAuthOptions
        {
            MicrosoftAppType = type, MicrosoftAppId = id, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant,
        });
        return result.Failed ? result.FailureMessage : null;
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("MultiTenant", "", "", "")]
    [InlineData("MultiTenant", "app", "secret", null)]
    [InlineData("multitenant", "app", "secret", null)]
    [InlineData("SingleTenant", "app", "secret", "tenant")]
    [InlineData("UserAssignedMSI", "app", null, "tenant")]
    public void Complete_settings_and_local_mode_are_valid(string? type, string? id, string? password, string? tenant)
    {
        Assert.Null(Validate(type, id, password, tenant));
    }

    [Theory]
    [InlineData("SingleTenant", "app", "secret", null, "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "app", null, "tenant", "MicrosoftAppPassword")]
    [InlineData("MultiTenant", "app", null, null, "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "app", null, null, "MicrosoftAppTenantId")]
    [InlineData("MultiTenantt", "", null, null, "MultiTenantt")]
    public void Incomplete_settings_fail_with_a_message_naming_the_missing_key(
        string type, string id, string? password, string? tenant, string named)
    {
        Assert.Contains(named, Validate(type, id, password, tenant));
    }

    [Fact]
    public void An_empty_app_type_means_single_tenant_as_every_new_Azure_bot_is()
    {
        Assert.Equal(BotAppType.SingleTenant, new BotAuthOptions { MicrosoftAppId = "app" }.AppType);
        Assert.Contains("SingleTenant needs MicrosoftAppTenantId", Validate(null, "app", "secret", null));
    }
}
