using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfServiceBot.Costs.Storage;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<ContactRecord>
{
    public void Configure(EntityTypeBuilder<ContactRecord> b)
    {
        b.ToTable("Contacts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Source, x.ContactKey }).IsUnique();
        // Reports filter by period; the projection finds a conversation's open contact; the closer finds idle ones;
        // recontact marking looks up a customer's later contacts.
        b.HasIndex(x => x.StartedAt);
        b.HasIndex(x => new { x.ChannelId, x.ConversationId, x.IsOpen });
        b.HasIndex(x => new { x.IsOpen, x.LastActivityAt });
        b.HasIndex(x => new { x.CustomerId, x.StartedAt });
        b.HasIndex(x => x.RecontactWindowStart);
        // Covering indexes for the report's two GROUP BY queries, their columns in grouping order: the database reads the
        // groups in order from a narrow index instead of sorting a million table rows (see docs/benchmarks.md).
        b.HasIndex(x => new
        {
            x.Outcome, x.ChannelId, x.Locale, x.Category, x.ArticleId, x.EscalationReason, x.Recontacted,
            x.StartedAt, x.HandleMilliseconds, x.Csat, x.LlmInputTokens, x.LlmOutputTokens,
        }, "IX_Contacts_Report");
        // The tokens make it cover the model's months too (trend.llm_by_month), instead of a read of every contact's row.
        b.HasIndex(x => new { x.StartedDay, x.Outcome, x.Recontacted, x.StartedAt, x.LlmInputTokens, x.LlmOutputTokens }, "IX_Contacts_Trend");
        b.Property(x => x.Source).HasMaxLength(16);
        b.Property(x => x.ContactKey).HasMaxLength(200);
        b.Property(x => x.CustomerId).HasMaxLength(256);
        b.Property(x => x.ChannelId).HasMaxLength(64);
        b.Property(x => x.ConversationId).HasMaxLength(512);
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Outcome).HasMaxLength(32);
        b.Property(x => x.Category).HasMaxLength(128);
        b.Property(x => x.ArticleId).HasMaxLength(128);
        b.Property(x => x.ArticlesShown).HasMaxLength(1000);
        b.Property(x => x.HandoffReference).HasMaxLength(64);
        b.Property(x => x.EscalationReason).HasMaxLength(64);
        b.Property(x => x.Question).HasMaxLength(300);
        b.Property(x => x.QuestionKey).HasMaxLength(200);
    }
}

internal sealed class ContactProjectionStateConfiguration : IEntityTypeConfiguration<ContactProjectionState>
{
    public void Configure(EntityTypeBuilder<ContactProjectionState> b)
    {
        b.ToTable("ContactProjections");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(64);
        // The row must exist before two instances race to create it: the migration inserts it.
        b.HasData(new ContactProjectionState { Name = ContactProjectionState.ContactsName });
    }
}

internal sealed class CostModelVersionConfiguration : IEntityTypeConfiguration<CostModelVersionRecord>
{
    public void Configure(EntityTypeBuilder<CostModelVersionRecord> b)
    {
        b.ToTable("CostModelVersions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.ValidFrom);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}
