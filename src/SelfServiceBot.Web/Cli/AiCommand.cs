using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.Data.Privacy;

namespace SelfServiceBot.Web.Cli;

/// <summary><c>ai check</c>: whether the configured chat model answers a tiny prompt; exit 0 it answered (or none is configured), 1 not, 2 usage.</summary>
internal static class AiCommand
{
    public const string Usage = """
          SelfServiceBot.Web ai check        send a tiny prompt to the AI:Chat model (docs/ai.md): prints the model, the latency
                                             and the tokens used; exit 0 it answered or Provider is None, 1 it did not or the
                                             AI:Chat settings are wrong
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["check"])
        {
            await Console.Error.WriteLineAsync("ai needs: check.\nusage:\n" + Usage);
            return 2;
        }
        var builder = CliHost.CreateBuilder();
        builder.Logging.AddStandardErrorLog();
        builder.Services.AddPrivacy();   // the model masks what leaves through it; AddAI refuses a model without
        builder.Services.AddAI();
        await using var services = builder.Services.BuildServiceProvider();
        ChatOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<ChatOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync(failure);
            }
            return 1;
        }
        if (services.GetService<IChatModel>() is not { } model)
        {
            Console.WriteLine("AI:Chat:Provider is None: no model is configured, the bot answers from the knowledge base as it is (docs/ai.md).");
            return 0;
        }

        var reply = await model.CompleteAsync(
            [new ChatTurn(ChatRole.System, "You are a health check. Reply with the single word: ok"), new ChatTurn(ChatRole.User, "ping")],
            CancellationToken.None);
        var where = string.IsNullOrWhiteSpace(options.Endpoint) ? "api.openai.com" : options.Endpoint;
        var ms = ((int)reply.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        if (!reply.Succeeded)
        {
            await Console.Error.WriteLineAsync($"{options.Provider} {model.Model} at {where} did not answer ({reply.Outcome}, {ms} ms): {reply.Error}");
            return 1;
        }
        Console.WriteLine($"{options.Provider} {model.Model} at {where} answered in {ms} ms; tokens: {reply.InputTokens} in, {reply.OutputTokens} out");
        return 0;
    }
}
