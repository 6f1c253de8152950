using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfServiceBot.Conversation.Storage;

internal sealed class ConversationStateConfiguration : IEntityTypeConfiguration<ConversationStateRecord>
{
    public void Configure(EntityTypeBuilder<ConversationStateRecord> b)
    {
        b.ToTable("ConversationStates");
        b.HasKey(x => x.ConversationKey);
        b.Property(x => x.ConversationKey).HasMaxLength(600);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
