using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Jobs;

internal sealed class JobEntityTypeConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.Property(j => j.Title).HasMaxLength(Job.TitleMaxLength);
        builder.Property(j => j.Description).HasMaxLength(Job.DescriptionMaxLength);
        builder.Ignore(j => j.IsOpen);
        builder.Ignore(j => j.IsCloudJob);
        builder.HasIndex(j => new { j.Status, j.CloudId, j.PostedAt });
        builder.HasIndex(j => new { j.Status, j.PublicFrom });
        builder.HasIndex(j => j.OrganizationId);
        builder.HasIndex(j => j.CloudId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(j => j.OrganizationId);
        builder.HasOne<Cloud>().WithMany().HasForeignKey(j => j.CloudId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(j => j.PostedByUserId);
        builder.HasMany(j => j.Skills).WithOne().HasForeignKey(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobSkillEntityTypeConfiguration : IEntityTypeConfiguration<JobSkill>
{
    public void Configure(EntityTypeBuilder<JobSkill> builder)
    {
        builder.HasKey(s => new { s.JobId, s.Name });
        builder.Property(s => s.Name).HasMaxLength(Profile.SkillMaxLength).UseCollation("NOCASE");
        builder.HasIndex(s => s.Name);
    }
}
