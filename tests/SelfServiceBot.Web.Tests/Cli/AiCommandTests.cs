using SelfServiceBot.AI.Tests.Chat;

namespace SelfServiceBot.Web.Tests.Cli;

/// <summary><c>ai check</c> run as the product (a separate process) against the local chat stub, and with no model configured.</summary>
public sealed class AiCommandTests : IAsyncLifetime
{
    private ChatCompletionsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private Dictionary<string, string> Compatible(int timeoutSeconds = 8) => new()
    {
        ["AI__Chat__Provider"] = "OpenAICompatible", ["AI__Chat__Endpoint"] = _stub.Address + "/v1", ["AI__Chat__Model"] = "llama3.1",
        ["AI__Chat__TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Check_sends_a_tiny_prompt_and_prints_the_model_the_latency_and_the_tokens()
    {
        _stub.Reply(new StubReply("ok", InputTokens: 23, OutputTokens: 1));

        var (exit, stdout, stderr) = await ProductExecutable.RunInAsync(null, Compatible(), "ai", "check");

        Assert.True(exit == 0, stderr);
        Assert.Matches(@"^OpenAICompatible llama3\.1 at http://127\.0\.0\.1:\d+/v1 answered in \d+ ms; tokens: 23 in, 1 out", stdout);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal(("/v1/chat/completions", "llama3.1"), (request.Path, request.Model));
    }

    [Fact]
    public async Task Check_fails_with_exit_1_when_the_endpoint_answers_500()
    {
        _stub.Reply(new StubReply("", Status: 500));

        var (exit, _, stderr) = await ProductExecutable.RunInAsync(null, Compatible(), "ai", "check");

        Assert.Equal(1, exit);
        Assert.Contains("llama3.1", stderr, StringComparison.Ordinal);
        Assert.Contains("did not answer (Failed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_with_no_model_configured_says_so_and_exits_0()
    {
        var (exit, stdout, _) = await ProductExecutable.RunInAsync(null, new Dictionary<string, string>(), "ai", "check");

        Assert.Equal(0, exit);
        Assert.Contains("AI:Chat:Provider is None", stdout, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Check_with_a_wrong_section_names_the_setting_and_exits_1()
    {
        var (exit, _, stderr) = await ProductExecutable.RunInAsync(null, new Dictionary<string, string> { ["AI__Chat__Provider"] = "AzureOpenAI" }, "ai", "check");

        Assert.Equal(1, exit);
        Assert.Contains("AI:Chat:Endpoint is required for Provider AzureOpenAI", stderr, StringComparison.Ordinal);
    }
}
