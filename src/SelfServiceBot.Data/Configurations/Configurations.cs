using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Data.Configurations;

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
