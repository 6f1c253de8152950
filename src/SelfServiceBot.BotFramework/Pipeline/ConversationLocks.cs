using SelfServiceBot.Contracts.Conversations;

namespace SelfServiceBot.BotFramework.Pipeline;

/// <summary>
/// Runs the turns of one conversation one after another on this instance, as a channel expects
/// (a customer's quick double message must not race its own dialog state). Other conversations run
/// in parallel. Across instances the state store's optimistic concurrency is the guard.
/// </summary>
internal sealed class ConversationLocks
{
    private readonly Dictionary<ConversationKey, Entry> _entries = new();
    private readonly Lock _lock = new();

    public async Task<IDisposable> AcquireAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }
            entry.Users++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry, held: false);
            throw;
        }
        return new Releaser(this, key, entry);
    }

    private void Release(ConversationKey key, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }
        lock (_lock)
        {
            // The last user removes the entry, so the dictionary only holds conversations with a turn in flight.
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    private sealed class Releaser(ConversationLocks owner, ConversationKey key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(key, entry, held: true);
            }
        }
    }
}
