using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfServiceBot.Handoff.Storage;

internal sealed class AgentConnectionConfiguration : IEntityTypeConfiguration<AgentConnectionRecord>
{
    public void Configure(EntityTypeBuilder<AgentConnectionRecord> b)
    {
        b.ToTable("AgentConnections");
        b.HasKey(x => x.ConnectionId);
        b.Property(x => x.ConnectionId).HasMaxLength(128);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.InstanceId).HasMaxLength(128);
        // "Has this agent any console open?", an instance's heartbeat, and the sweep for expired rows.
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => x.LastSeenAt);
    }
}
