using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfServiceBot.KnowledgeDrafts.Storage;

internal sealed class KnowledgeDraftConfiguration : IEntityTypeConfiguration<KnowledgeDraftRecord>
{
    public void Configure(EntityTypeBuilder<KnowledgeDraftRecord> b)
    {
        b.ToTable("KnowledgeDrafts");
        b.HasKey(x => x.Id);
        // The review page lists by status, newest first; a knowledge gap's button finds the gap's open draft.
        b.HasIndex(x => new { x.Status, x.Id });
        b.HasIndex(x => new { x.Source, x.Locale, x.Status });
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(32);
        b.Property(x => x.SourceReference).HasMaxLength(300);
        b.Property(x => x.ConversationId).HasMaxLength(512);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.ArticleId).HasMaxLength(128);
        b.Property(x => x.ArticlePath).HasMaxLength(400);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
