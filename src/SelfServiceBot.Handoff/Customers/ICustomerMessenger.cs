using SelfServiceBot.BotFramework.Schema;

namespace SelfServiceBot.Handoff.Customers;

/// <summary>Writes to a customer outside a turn: agent messages, queue updates, the rating question after a hand-back.</summary>
public interface ICustomerMessenger
{
    Task SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken);
}
