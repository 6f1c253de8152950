using Microsoft.Extensions.Options;

namespace SelfServiceBot.BotFramework.Auth;

/// <summary>Fails the start with a message that names the missing key, instead of a 401 on every request later.</summary>
internal sealed class BotAuthOptionsValidator : IValidateOptions<BotAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppType)
            && !Enum.TryParse<BotAppType>(options.MicrosoftAppType.Trim(), ignoreCase: true, out _))
        {
            return ValidateOptionsResult.Fail(
                $"MicrosoftAppType '{options.MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }
        if (options.IsLocalMode)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        switch (options.AppType)
        {
            case BotAppType.MultiTenant when !hasPassword:
                failures.Add("MicrosoftAppType MultiTenant needs MicrosoftAppPassword (the client secret of MicrosoftAppId).");
                break;
            case BotAppType.SingleTenant:
                if (!hasTenant)
                {
                    failures.Add("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId (the tenant of the app registration).");
                }
                if (!hasPassword)
                {
                    failures.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword (the client secret of MicrosoftAppId).");
                }
                break;
            case BotAppType.UserAssignedMSI when !hasTenant:
                failures.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId (the tenant of the managed identity).");
                break;
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
