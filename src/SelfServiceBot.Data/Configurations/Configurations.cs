using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Data.Configurations;

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> b)
    {
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

internal sealed class ConversationStateConfiguration : IEntityTypeConfiguration<ConversationStateRecord>
{
    public void Configure(EntityTypeBuilder<ConversationStateRecord> b)
    {
        b.HasKey(x => x.ConversationKey);
        b.Property(x => x.ConversationKey).HasMaxLength(600);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ConversationEventConfiguration : IEntityTypeConfiguration<ConversationEventRecord>
{
    public void Configure(EntityTypeBuilder<ConversationEventRecord> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.HasIndex(x => new { x.ChannelId, x.ConversationId, x.OccurredAt });
        b.Property(x => x.IdempotencyKey).HasMaxLength(700);
        b.Property(x => x.Type).HasMaxLength(64);
    }
}

internal sealed class HandoffRequestConfiguration : IEntityTypeConfiguration<HandoffRequestRecord>
{
    public void Configure(EntityTypeBuilder<HandoffRequestRecord> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.ChannelId, x.ConversationId });
        b.HasIndex(x => new { x.Status, x.Queue });
        b.HasIndex(x => new { x.AgentId, x.Status });
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Queue).HasMaxLength(128);
        b.Property(x => x.AgentId).HasMaxLength(450);
    }
}

internal sealed class HandoffMessageConfiguration : IEntityTypeConfiguration<HandoffMessageRecord>
{
    public void Configure(EntityTypeBuilder<HandoffMessageRecord> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.HandoffId, x.Id });
        b.Property(x => x.From).HasMaxLength(16);
    }
}

internal sealed class AgentConfiguration : IEntityTypeConfiguration<AgentRecord>
{
    public void Configure(EntityTypeBuilder<AgentRecord> b)
    {
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Presence).HasMaxLength(16);
    }
}

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> b)
    {
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
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(128);
    }
}

internal sealed class DirectLineActivityConfiguration : IEntityTypeConfiguration<DirectLineActivity>
{
    public void Configure(EntityTypeBuilder<DirectLineActivity> b)
    {
        b.HasKey(x => new { x.ConversationId, x.Sequence });
        b.Property(x => x.ConversationId).HasMaxLength(128);
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.ClientActivityId).HasMaxLength(300);
        // Null for most rows (activities posted without a client id); NULLs never collide in a unique index on either provider.
        b.HasIndex(x => new { x.ConversationId, x.ClientActivityId }).IsUnique();
    }
}

internal sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> b)
    {
        b.HasKey(x => x.Name);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.FriendlyName).HasMaxLength(256);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(128);
    }
}
