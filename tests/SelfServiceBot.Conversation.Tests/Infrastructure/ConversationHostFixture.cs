namespace SelfServiceBot.Conversation.Tests.Infrastructure;

/// <summary>One host (database, knowledge base) per test class; every flow gets its own conversation id.</summary>
public sealed class ConversationHostFixture : IAsyncLifetime
{
    private ConversationTestHost? _host;

    public ConversationTestHost Host => _host ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _host = await ConversationTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
