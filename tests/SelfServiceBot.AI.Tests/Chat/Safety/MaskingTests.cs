using SelfServiceBot.AI.Chat;

namespace SelfServiceBot.AI.Tests.Chat.Safety;

/// <summary>What the stub received shows the masking: customer and agent turns masked, our own System turns as written.</summary>
public sealed class MaskingTests : IAsyncLifetime
{
    private ChatCompletionsStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ChatCompletionsStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task User_and_assistant_turns_leave_masked_and_system_turns_as_written()
    {
        _stub.Reply(new StubReply("ok"));
        var model = SafeModels.At(_stub);

        await model.CompleteAsync(
        [
            new ChatTurn(ChatRole.System, "Article [1]: call us on 03301234567."),
            new ChatTurn(ChatRole.User, "My card 4111111111111111 was charged, mail me at jane@example.com"),
            new ChatTurn(ChatRole.Assistant, "Earlier you gave 4111111111111111."),
        ], CancellationToken.None);

        var sent = Assert.Single(_stub.Requests).Messages;
        Assert.Equal("Article [1]: call us on 03301234567.", sent[0].Content);
        Assert.Equal("My card ••••••••••••1111 was charged, mail me at •••@•••", sent[1].Content);
        Assert.Equal("Earlier you gave ••••••••••••1111.", sent[2].Content);
        Assert.DoesNotContain("4111111111111111", _stub.Requests.Single().Body.ToJsonString(), StringComparison.Ordinal);
    }
}
