using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SelfServiceBot.KnowledgeDrafts.Storage;

internal sealed class PublishedArticleConfiguration : IEntityTypeConfiguration<PublishedArticleRecord>
{
    public void Configure(EntityTypeBuilder<PublishedArticleRecord> b)
    {
        b.ToTable("PublishedArticles");
        b.HasKey(x => x.Id);
        // An id is unique in its locale, as in the knowledge base folder (the store also checks it case-insensitively).
        b.HasIndex(x => new { x.Locale, x.ArticleId }).IsUnique();
        b.Property(x => x.ArticleId).HasMaxLength(128);
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Category).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Owner).HasMaxLength(256);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
    }
}

internal sealed class PublishedArticlesRevisionConfiguration : IEntityTypeConfiguration<PublishedArticlesRevisionRecord>
{
    public void Configure(EntityTypeBuilder<PublishedArticlesRevisionRecord> b)
    {
        b.ToTable("PublishedArticlesRevision");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        // The row exists from the migration on, so a publish only ever updates it.
        b.HasData(new PublishedArticlesRevisionRecord { Id = PublishedArticlesRevisionRecord.SingletonId, Revision = 0 });
    }
}
