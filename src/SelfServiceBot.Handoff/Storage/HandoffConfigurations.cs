using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfServiceBot.Handoff.Storage;

internal sealed class HandoffRequestConfiguration : IEntityTypeConfiguration<HandoffRequestRecord>
{
    public void Configure(EntityTypeBuilder<HandoffRequestRecord> b)
    {
        b.ToTable("HandoffRequests");
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
        b.ToTable("HandoffMessages");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.HandoffId, x.Id });
        b.Property(x => x.From).HasMaxLength(16);
    }
}

internal sealed class HandoffBriefConfiguration : IEntityTypeConfiguration<HandoffBriefRecord>
{
    public void Configure(EntityTypeBuilder<HandoffBriefRecord> b)
    {
        b.ToTable("HandoffBriefs");
        b.HasKey(x => x.Id);
        // One brief per hand-off and language: the insert that claims it is how two instances agree who asks the model.
        b.HasIndex(x => new { x.HandoffId, x.Language }).IsUnique();
        b.Property(x => x.Language).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
    }
}

internal sealed class AgentConfiguration : IEntityTypeConfiguration<AgentRecord>
{
    public void Configure(EntityTypeBuilder<AgentRecord> b)
    {
        b.ToTable("Agents");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Presence).HasMaxLength(16);
    }
}
