using Microsoft.Extensions.Logging;
using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI.Tests.Chat.Safety;

/// <summary>
/// Prompts and completions stay out of the log, at every level of every category (Semantic Kernel's included), unless
/// <c>AI:Chat:LogPrompts</c> is on; then they are logged at Information, masked.
/// </summary>
public sealed class PromptLoggingTests : IAsyncLifetime
{
    private static readonly ChatTurn[] Prompt =
    [
        new(ChatRole.System, "Rewrite the customer's message."),
        new(ChatRole.User, "parcel-xyzzy for card 4111111111111111"),
    ];

    private ChatCompletionsStub _stub = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Without_the_setting_nothing_logs_the_prompt_or_the_completion_even_at_trace()
    {
        _stub.Reply(new StubReply("completion-plugh", InputTokens: 31, OutputTokens: 4));
        var model = SafeModels.At(_stub, loggers: CapturingLoggerProvider.Factory(_logs));

        var reply = await model.CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(ChatOutcome.Completed, reply.Outcome);
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains("xyzzy", StringComparison.Ordinal)
            || l.Message.Contains("plugh", StringComparison.Ordinal) || l.Message.Contains("Rewrite the customer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_setting_the_masked_prompt_and_the_completion_are_logged_at_information()
    {
        _stub.Reply(new StubReply("completion-plugh"));
        var model = SafeModels.At(_stub, loggers: CapturingLoggerProvider.Factory(_logs), configure: o => o.LogPrompts = true);

        await model.CompleteAsync(Prompt, CancellationToken.None);

        var prompt = Assert.Single(_logs.Lines, l => l.Message.Contains("xyzzy", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, prompt.Level);
        Assert.Contains("••••••••••••1111", prompt.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains("4111111111111111", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("completion-plugh", StringComparison.Ordinal));
    }
}
