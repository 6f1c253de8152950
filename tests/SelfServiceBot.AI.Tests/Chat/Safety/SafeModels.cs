using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.AI.Chat;
using SelfServiceBot.Contracts.Privacy;

namespace SelfServiceBot.AI.Tests.Chat.Safety;

/// <summary>The model as the product gets it (<see cref="ChatModelFactory"/>: breaker, masking, logging, connector) at the stub.</summary>
internal static class SafeModels
{
    public static IChatModel At(ChatCompletionsStub stub, TimeProvider? time = null, ILoggerFactory? loggers = null,
        Action<ChatOptions>? configure = null, IOutboundTextMasker? masker = null)
    {
        var options = new ChatOptions { Provider = ChatProvider.OpenAICompatible, Endpoint = stub.Address + "/v1", Model = "support-chat" };
        configure?.Invoke(options);
        return new ChatModelFactory(Options.Create(options), time ?? TimeProvider.System, loggers ?? LoggerFactory.Create(_ => { }),
            masker ?? new DigitMasker()).Model!;
    }
}

/// <summary>A stand-in for Data's masker: every digit but the last four of a number becomes a bullet, e-mails lose their user.</summary>
internal sealed partial class DigitMasker : IOutboundTextMasker
{
    public string Mask(string text) =>
        Email().Replace(Number().Replace(text, m => new string('•', Math.Max(0, m.Value.Length - 4)) + m.Value[^Math.Min(4, m.Value.Length)..]), "•••@•••");

    [GeneratedRegex("[0-9]{5,}")]
    private static partial Regex Number();

    [GeneratedRegex(@"[A-Za-z0-9._+\-]+@[A-Za-z0-9\-.]+")]
    private static partial Regex Email();
}

/// <summary>Every log line of every category, at every level (Trace included).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Capture(categoryName, Lines);

    public void Dispose()
    {
    }

    public static ILoggerFactory Factory(CapturingLoggerProvider provider) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));

    private sealed class Capture(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
