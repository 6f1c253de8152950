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
            .Validate(o => o.Problems().Count == 0, "AI:Chat:Answers is invalid: Sources 1-10, MaxAnswerCharacters 50-20000.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetService<IChatModel>() is { } model
            ? new GroundedAnswerComposer(model, sp.GetRequiredService<IOptions<AnswerOptions>>().Value)
            : null!);
        return services;
    }
}
