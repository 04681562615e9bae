using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Removals;

internal sealed class RemovalRequestEntityTypeConfiguration : IEntityTypeConfiguration<RemovalRequest>
{
    public void Configure(EntityTypeBuilder<RemovalRequest> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(RemovalRequest.ReasonMaxLength);
        builder.Property(r => r.DecisionReason).HasMaxLength(RemovalRequest.DecisionReasonMaxLength);
        builder.HasIndex(r => new { r.CloudId, r.ProfileId }).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName(RemovalRequest.OneOpenIndex);
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasIndex(r => r.ProfileId);
        builder.HasOne<Cloud>().WithMany().HasForeignKey(r => r.CloudId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(r => r.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RequestedByUserId);
    }
}
