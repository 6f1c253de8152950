using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using OpenAI.Chat;
using SelfServiceBot.AI.Connections;

namespace SelfServiceBot.AI.Chat;

/// <summary>
/// <see cref="IChatModel"/> over Semantic Kernel's OpenAI chat connector: OpenAI, any OpenAI-compatible server, and Azure
/// OpenAI through its v1 endpoint (the same API under <c>/openai/v1/</c>, the deployment as the model, the key in <c>api-key</c>).
/// The timeout is the whole call's budget: no retries, since a late answer is worth less than today's article answer.
/// </summary>
internal sealed partial class SemanticKernelChatModel(IChatCompletionService service, ChatOptions options, TimeProvider time, ILogger<SemanticKernelChatModel>? logger = null)
    : IChatModel
{
    private readonly ILogger _logger = logger ?? NullLogger<SemanticKernelChatModel>.Instance;

    public string Model { get; } = options.Model!;

    public static SemanticKernelChatModel Create(ChatOptions options, TimeProvider time, ILoggerFactory? loggers = null) =>
        new(new OpenAIChatCompletionService(options.Model!, Client(options), loggers), options, time, loggers?.CreateLogger<SemanticKernelChatModel>());

    public async Task<ChatModelReply> CompleteAsync(IReadOnlyList<ChatTurn> messages, CancellationToken cancellationToken)
    {
        var history = new ChatHistory();
        foreach (var message in messages)
        {
            history.AddMessage(message.Role switch
            {
                ChatRole.System => AuthorRole.System,
                ChatRole.Assistant => AuthorRole.Assistant,
                _ => AuthorRole.User,
            }, message.Text);
        }
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = options.MaxOutputTokens };
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        var started = time.GetTimestamp();
        try
        {
            var reply = await service.GetChatMessageContentAsync(history, settings, cancellationToken: linked.Token);
            var (input, output) = Usage(reply);
            var text = reply.Content ?? "";
            return string.IsNullOrWhiteSpace(text)
                ? new ChatModelReply(ChatOutcome.Failed, "", input, output, time.GetElapsedTime(started), "The model returned an empty reply.")
                : new ChatModelReply(ChatOutcome.Completed, text, input, output, time.GetElapsedTime(started));
        }
        // The budget, or the client's network timeout behind it; only the caller's own cancellation propagates.
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(Model, options.TimeoutSeconds);
            return new ChatModelReply(ChatOutcome.TimedOut, "", 0, 0, time.GetElapsedTime(started),
                $"The model did not answer within {options.TimeoutSeconds} s.");
        }
        catch (Exception e) when (e is HttpOperationException or ClientResultException or HttpRequestException or KernelException)
        {
            var failure = Describe(e);
            LogFailed(Model, e.GetType().Name, failure);
            return new ChatModelReply(ChatOutcome.Failed, "", 0, 0, time.GetElapsedTime(started), failure);
        }
    }

    private static (int Input, int Output) Usage(Microsoft.SemanticKernel.ChatMessageContent reply) =>
        reply.Metadata?.TryGetValue("Usage", out var usage) == true && usage is ChatTokenUsage tokens
            ? (tokens.InputTokenCount, tokens.OutputTokenCount)
            : (0, 0);

    // The budget above cancels first; the network timeout only stops a connection that hangs past it.
    private static OpenAIClient Client(ChatOptions options) =>
        OpenAIConnection.Client(options.Provider == ChatProvider.AzureOpenAI, options.Endpoint, options.ApiKey,
            TimeSpan.FromSeconds(options.TimeoutSeconds + 5), new ClientRetryPolicy(maxRetries: 0));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat model {Model} did not answer within {TimeoutSeconds} s")]
    private partial void LogTimedOut(string model, int timeoutSeconds);

    /// <summary>
    /// What went wrong, from the status alone: a service's error body can quote the request (some servers echo it), and
    /// prompts are never logged unless <c>AI:Chat:LogPrompts</c> says so. The hint names the setting to check.
    /// </summary>
    internal static string Describe(Exception e)
    {
        var status = e switch
        {
            HttpOperationException http => (int?)http.StatusCode,
            ClientResultException client when client.Status > 0 => client.Status,
            HttpRequestException request => (int?)request.StatusCode,
            _ => null,
        };
        return status switch
        {
            401 or 403 => $"The model service refused the key (HTTP {status}): check AI:Chat:ApiKey.",
            404 => "The model service has no such endpoint or model (HTTP 404): check AI:Chat:Endpoint and AI:Chat:Model.",
            429 => "The model service is rate-limiting or out of quota (HTTP 429).",
            { } code => $"The model service answered HTTP {code}.",
            null when e is HttpRequestException request => $"The model service could not be reached ({request.HttpRequestError}).",
            null => $"The model call failed ({e.GetType().Name}).",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat model {Model} failed ({ExceptionType}): {Failure}")]
    private partial void LogFailed(string model, string exceptionType, string failure);
}
