using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Proposals;

internal sealed class ProposalEntityTypeConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(p => p.CoverLetter).HasMaxLength(Proposal.CoverLetterMaxLength);
        builder.Ignore(p => p.IsRefundable);
        builder.HasIndex(p => new { p.JobId, p.ProfileId }).IsUnique().HasDatabaseName(Proposal.OnePerJobIndex);
        builder.HasIndex(p => new { p.ProfileId, p.SubmittedAt });
        builder.HasOne<Job>().WithMany().HasForeignKey(p => p.JobId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(p => p.ProfileId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.SubmittedByUserId);
    }
}
