using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs.Demo;
using SelfServiceBot.Costs.Diagnostics;
using SelfServiceBot.Costs.Exports;
using SelfServiceBot.Costs.Import;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Data.Privacy;

namespace SelfServiceBot.Costs;

public static class CostsServiceCollectionExtensions
{
    /// <summary>
    /// The contact ledger, the cost model and reports (needs AddBotDatabase). With <paramref name="background"/> the ledger
    /// is kept current by a hosted service; the CLI registers without it and catches up on demand.
    /// </summary>
    public static IServiceCollection AddCosts(this IServiceCollection services, bool background = true)
    {
        services.AddOptions<CostsOptions>().BindConfiguration(CostsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CostsOptions>, CostsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<CostsMetrics>();
        services.AddSingleton<ContactLedger>();
        services.AddSingleton<CostModelStore>();
        services.AddSingleton<CostReportService>();
        services.AddSingleton<ContactImporter>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<ContactList>();
        services.AddSingleton<KnowledgeGaps>();
        if (background)
        {
            services.AddHostedService<ContactLedgerService>();
        }
        return services;
    }

    private sealed class CostsOptionsValidator : IValidateOptions<CostsOptions>
    {
        public ValidateOptionsResult Validate(string? name, CostsOptions options)
        {
            var errors = CostModelValidator.Validate(options.ToModel()).Select(e => "Costs: " + e).ToList();
            if (options.ContactTimeoutMinutes <= 0)
            {
                errors.Add("Costs:ContactTimeoutMinutes must be above 0.");
            }
            if (options.RecontactDays < 0)
            {
                errors.Add("Costs:RecontactDays must not be negative.");
            }
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
