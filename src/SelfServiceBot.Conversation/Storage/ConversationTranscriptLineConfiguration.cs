using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfServiceBot.Conversation.Storage;

internal sealed class ConversationTranscriptLineConfiguration : IEntityTypeConfiguration<ConversationTranscriptLineRecord>
{
    public void Configure(EntityTypeBuilder<ConversationTranscriptLineRecord> b)
    {
        b.ToTable("ConversationTranscriptLines");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        // A hand-off reads the last lines of one transcript, newest first.
        b.HasIndex(x => new { x.ConversationKey, x.TranscriptId, x.Id });
        b.Property(x => x.ConversationKey).HasMaxLength(600);
        b.Property(x => x.TranscriptId).HasMaxLength(32);
        b.Property(x => x.IdempotencyKey).HasMaxLength(700);
        b.Property(x => x.From).HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(1000);
    }
}
