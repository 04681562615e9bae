using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;

namespace TalentCloud.Core.Connects;

internal sealed class ConnectsEntryEntityTypeConfiguration : IEntityTypeConfiguration<ConnectsEntry>
{
    public void Configure(EntityTypeBuilder<ConnectsEntry> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(ConnectsEntry.ReasonMaxLength);
        builder.HasIndex(e => new { e.ProfileId, e.Id });
        builder.HasIndex(e => e.ProposalId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(e => e.ProfileId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(e => e.ProposalId);
    }
}
