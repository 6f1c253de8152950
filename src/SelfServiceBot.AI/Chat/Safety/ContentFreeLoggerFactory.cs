using Microsoft.Extensions.Logging;

namespace SelfServiceBot.AI.Chat.Safety;

/// <summary>
/// The loggers Semantic Kernel's connector gets: Information and above only. Below that it writes the whole chat history
/// and the settings (Trace), which would put customer text in the log whenever someone turns its category up to
/// diagnose something else; at Information it logs token counts, and warnings and errors without the prompt.
/// </summary>
internal sealed class ContentFreeLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public const LogLevel Minimum = LogLevel.Information;

    public ILogger CreateLogger(string categoryName) => new Capped(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("Add providers to the application's logging instead.");

    public void Dispose()
    {
        // The application owns the inner factory.
    }

    private sealed class Capped(ILogger logger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= Minimum && logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= Minimum)
            {
                logger.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
