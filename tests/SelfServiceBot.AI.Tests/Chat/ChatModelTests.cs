using Microsoft.Extensions.Time.Testing;
using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI.Tests.Chat;

/// <summary>
/// Each provider through Semantic Kernel's real connector against the local stub (real HTTP): the path, the key's header,
/// the model, the messages, and the reply's text and token counts; a slow or failing service comes back as a failed reply.
/// </summary>
public sealed class ChatModelTests : IAsyncLifetime
{
    private ChatCompletionsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private static readonly ChatTurn[] Prompt =
    [
        new(ChatRole.System, "Answer from the numbered sources only."),
        new(ChatRole.User, "How do I return a sofa?"),
    ];

    private IChatModel Model(ChatProvider provider, string? endpoint, string? key, int timeoutSeconds = 8, TimeProvider? time = null) =>
        SemanticKernelChatModel.Create(new ChatOptions
        {
            Provider = provider, Endpoint = endpoint, Model = "support-chat", ApiKey = key, TimeoutSeconds = timeoutSeconds, MaxOutputTokens = 321,
        }, time ?? TimeProvider.System);

    [Fact]
    public async Task OpenAI_is_asked_for_the_model_with_a_bearer_key_and_returns_the_text_and_tokens()
    {
        _stub.Reply(new StubReply("Returns are free within 30 days [1].", InputTokens: 57, OutputTokens: 9));

        var reply = await Model(ChatProvider.OpenAI, _stub.Address + "/v1", "sk-test").CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal((ChatOutcome.Completed, "Returns are free within 30 days [1].", 57, 9), (reply.Outcome, reply.Text, reply.InputTokens, reply.OutputTokens));
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(("/v1/chat/completions", "Bearer sk-test", (string?)null, "support-chat"), (request.Path, request.Authorization, request.ApiKey, request.Model));
        Assert.Equal(Prompt.Select(t => new ChatMessage(t.Role.ToString().ToLowerInvariant(), t.Text)), request.Messages);
        Assert.Equal(321, (request.Body["max_completion_tokens"] ?? request.Body["max_tokens"])!.GetValue<int>());
    }

    [Fact]
    public async Task Azure_OpenAI_is_asked_at_the_resource_v1_endpoint_for_the_deployment_with_its_api_key_header()
    {
        _stub.Reply(new StubReply("退货30天内免费 [1]。", InputTokens: 80, OutputTokens: 14));

        var reply = await Model(ChatProvider.AzureOpenAI, _stub.Address, "azure-secret").CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal((ChatOutcome.Completed, "退货30天内免费 [1]。", 80, 14), (reply.Outcome, reply.Text, reply.InputTokens, reply.OutputTokens));
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(("/openai/v1/chat/completions", (string?)null, "azure-secret", "support-chat"), (request.Path, request.Authorization, request.ApiKey, request.Model));
    }

    [Fact]
    public async Task A_compatible_server_without_a_key_gets_no_key_header()
    {
        _stub.Reply(new StubReply("Hello.", InputTokens: 3, OutputTokens: 2));

        var reply = await Model(ChatProvider.OpenAICompatible, _stub.Address + "/v1", null).CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal((ChatOutcome.Completed, 3, 2), (reply.Outcome, reply.InputTokens, reply.OutputTokens));
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(("/v1/chat/completions", (string?)null, (string?)null), (request.Path, request.Authorization, request.ApiKey));
    }

    [Fact]
    public async Task A_reply_slower_than_the_timeout_is_a_timed_out_result_not_a_hang()
    {
        _stub.Reply(new StubReply("too late", Delay: TimeSpan.FromMinutes(5)));
        var clock = new FakeTimeProvider();
        var model = Model(ChatProvider.OpenAICompatible, _stub.Address + "/v1", null, timeoutSeconds: 8, time: clock);

        var call = model.CompleteAsync(Prompt, CancellationToken.None);
        await _stub.WaitForRequestAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        clock.Advance(TimeSpan.FromSeconds(7));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        // The fake clock ends the call at once; a budget on the real clock (8 s) or none (the client's 13 s) would miss this wait.
        var reply = await call.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal((ChatOutcome.TimedOut, "", TimeSpan.FromSeconds(8)), (reply.Outcome, reply.Text, reply.Elapsed));
        Assert.Contains("within 8 s", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_a_failed_result_asked_once()
    {
        _stub.Reply(new StubReply("", Status: 500));

        var reply = await Model(ChatProvider.OpenAI, _stub.Address + "/v1", "sk-test").CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal((ChatOutcome.Failed, false), (reply.Outcome, reply.Succeeded));
        // The status only: the service's error body ("scripted failure" here) could quote the prompt.
        Assert.Equal("The model service answered HTTP 500.", reply.Error);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task An_empty_reply_is_a_failed_result_with_its_tokens_kept()
    {
        _stub.Reply(new StubReply("", InputTokens: 40, OutputTokens: 0));

        var reply = await Model(ChatProvider.OpenAI, _stub.Address + "/v1", "sk-test").CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal((ChatOutcome.Failed, 40), (reply.Outcome, reply.InputTokens));
    }

    [Theory]
    [InlineData(401, "check AI:Chat:ApiKey")]
    [InlineData(404, "check AI:Chat:Endpoint and AI:Chat:Model")]
    [InlineData(429, "rate-limiting")]
    public async Task A_refusal_says_which_setting_to_check_and_never_quotes_the_services_body(int status, string hint)
    {
        _stub.Reply(new StubReply("", Status: status));

        var reply = await Model(ChatProvider.OpenAI, _stub.Address + "/v1", "sk-test").CompleteAsync(Prompt, CancellationToken.None);

        Assert.Contains(hint, reply.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("scripted failure", reply.Error, StringComparison.Ordinal);
    }
}
