using System.Collections.Concurrent;
using SelfServiceBot.BotFramework.Auth;
using SelfServiceBot.BotFramework.Schema;
using SelfServiceBot.Contracts.Conversations;

namespace SelfServiceBot.BotFramework.Tests.Infrastructure;

/// <summary>The reference store for unit tests (the database one is exercised by the functional tests).</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<ConversationKey, ConversationReference> _references = new();

    public int Saves { get; private set; }

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        _references[new ConversationKey(reference.ChannelId ?? "", reference.Conversation?.Id ?? "")] = reference;
        Saves++;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.GetValueOrDefault(new ConversationKey(channelId, conversationId)));

    public Task<bool> IsKnownServiceUrlAsync(string serviceUrl, CancellationToken cancellationToken) =>
        Task.FromResult(_references.Values.Any(r => ServiceUrls.Normalize(r.ServiceUrl) == ServiceUrls.Normalize(serviceUrl)));
}
