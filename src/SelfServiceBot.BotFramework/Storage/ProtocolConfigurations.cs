using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfServiceBot.BotFramework.Storage;

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> b)
    {
        b.ToTable("ProcessedActivities");
        b.HasKey(x => new { x.ChannelId, x.ConversationId, x.ActivityId });
        b.Property(x => x.ChannelId).HasMaxLength(64);
        b.Property(x => x.ConversationId).HasMaxLength(512);
        b.Property(x => x.ActivityId).HasMaxLength(512);
        // The hourly pruning deletes the oldest claims 500 at a time: without it every batch sorted the whole table. Claims
        // are taken in time order, so each insert lands on the index's last page.
        b.HasIndex(x => x.ClaimedAt);
        b.Property(x => x.ClaimToken).HasMaxLength(64);
    }
}

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> b)
    {
        b.ToTable("ConversationReferences");
        b.HasKey(x => x.ConversationKey);
        b.Property(x => x.ConversationKey).HasMaxLength(600);
        b.Property(x => x.ServiceUrl).HasMaxLength(2048);
        // Outbound calls ask "did this serviceUrl arrive in an authenticated activity?"
        b.HasIndex(x => x.ServiceUrl);
    }
}

internal sealed class DirectLineConversationConfiguration : IEntityTypeConfiguration<DirectLineConversation>
{
    public void Configure(EntityTypeBuilder<DirectLineConversation> b)
    {
        b.ToTable("DirectLineConversations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(128);
    }
}

internal sealed class DirectLineActivityConfiguration : IEntityTypeConfiguration<DirectLineActivity>
{
    public void Configure(EntityTypeBuilder<DirectLineActivity> b)
    {
        b.ToTable("DirectLineActivities");
        b.HasKey(x => new { x.ConversationId, x.Sequence });
        b.Property(x => x.ConversationId).HasMaxLength(128);
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.ClientActivityId).HasMaxLength(300);
        // Null for most rows (activities posted without a client id); NULLs never collide in a unique index on either provider.
        b.HasIndex(x => new { x.ConversationId, x.ClientActivityId }).IsUnique();
    }
}
