using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI.Answers;

public static class AnswersServiceCollectionExtensions
{
    /// <summary>
    /// The <c>AI:Chat:Answers</c> options (validated at start) and <see cref="GroundedAnswerComposer"/>, which like
    /// <see cref="IChatModel"/> resolves to null when no model is configured.
    /// </summary>
    public static IServiceCollection AddGroundedAnswers(this IServiceCollection services)
    {
        services.AddOptions<AnswerOptions>()
            .BindConfiguration(AnswerOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerOptions>, AnswerOptionsValidation>());
        services.TryAddSingleton(sp => sp.GetService<IChatModel>() is { } model
            ? new GroundedAnswerComposer(model, sp.GetRequiredService<IOptions<AnswerOptions>>().Value)
            : null!);
        return services;
    }
}

/// <summary>Stops the app at start with every problem of <c>AI:Chat:Answers</c> spelled out.</summary>
internal sealed class AnswerOptionsValidation : IValidateOptions<AnswerOptions>
{
    public ValidateOptionsResult Validate(string? name, AnswerOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
