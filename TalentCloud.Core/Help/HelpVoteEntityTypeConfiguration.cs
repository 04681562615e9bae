using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Core.Help;

internal sealed class HelpVoteEntityTypeConfiguration : IEntityTypeConfiguration<HelpVote>
{
    public void Configure(EntityTypeBuilder<HelpVote> builder)
    {
        builder.Property(v => v.ArticleSlug).HasMaxLength(HelpArticle.SlugMaxLength);
        builder.HasIndex(v => new { v.ArticleSlug, v.UserId }).IsUnique().HasDatabaseName(HelpVote.OnePerUserIndex);
        builder.HasIndex(v => v.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
