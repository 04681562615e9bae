using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Common;
using TalentCloud.Core.Contracts;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Data;

internal sealed class AppUserEntityTypeConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
}

internal sealed class OrganizationEntityTypeConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.Description).HasMaxLength(Organization.DescriptionMaxLength);
        builder.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganizationId);
    }
}

internal sealed class OrganizationMemberEntityTypeConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> builder)
    {
        builder.HasKey(m => new { m.OrganizationId, m.UserId });
        // One account belongs to at most one organisation; the index also settles two accepts racing each other.
        builder.HasIndex(m => m.UserId).IsUnique().HasDatabaseName(OrganizationMember.OnePerUserIndex);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId);
    }
}

internal sealed class ProfileEntityTypeConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.Property(p => p.DisplayName).HasMaxLength(Profile.DisplayNameMaxLength);
        builder.Property(p => p.Handle).HasMaxLength(Profile.HandleMaxLength);
        builder.Property(p => p.Title).HasMaxLength(Profile.TitleMaxLength);
        builder.Property(p => p.Bio).HasMaxLength(Profile.BioMaxLength);
        builder.Property(p => p.Country).HasMaxLength(Profile.CountryLength);
        builder.Property(p => p.TimeZone).HasMaxLength(Profile.TimeZoneMaxLength);
        builder.Property(p => p.BusinessName).HasMaxLength(Profile.BusinessNameMaxLength);
        builder.Property(p => p.RegistrationNumber).HasMaxLength(Profile.RegistrationNumberMaxLength);
        builder.Property(p => p.LicenceNumber).HasMaxLength(Profile.LicenceNumberMaxLength);
        builder.HasIndex(p => p.Handle).IsUnique();
        builder.HasIndex(p => p.OwnerUserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.OwnerUserId);
        builder.HasMany(p => p.Skills).WithOne().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileSkillEntityTypeConfiguration : IEntityTypeConfiguration<ProfileSkill>
{
    public void Configure(EntityTypeBuilder<ProfileSkill> builder)
    {
        builder.HasKey(s => new { s.ProfileId, s.Name });
        builder.Property(s => s.Name).HasMaxLength(Profile.SkillMaxLength).UseCollation("NOCASE");
        // Name first and ProfileId included: search reads "who holds skill X" from the index alone.
        builder.HasIndex(s => new { s.Name, s.ProfileId });
    }
}

internal sealed class CloudEntityTypeConfiguration : IEntityTypeConfiguration<Cloud>
{
    public void Configure(EntityTypeBuilder<Cloud> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Cloud.NameMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Cloud.DescriptionMaxLength);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        // One name per organisation, also when two owners create the same cloud at the same moment.
        builder.HasIndex(c => new { c.OrganizationId, c.Name }).IsUnique().HasDatabaseName(Cloud.OneNamePerOrganizationIndex);
    }
}

internal sealed class CloudMembershipEntityTypeConfiguration : IEntityTypeConfiguration<CloudMembership>
{
    public void Configure(EntityTypeBuilder<CloudMembership> builder)
    {
        builder.HasIndex(m => new { m.CloudId, m.ProfileId }).IsUnique().HasDatabaseName(CloudMembership.OnePerCloudIndex);
        builder.Ignore(m => m.IsActive);
        builder.HasIndex(m => new { m.ProfileId, m.Status });
        builder.HasOne<Cloud>().WithMany().HasForeignKey(m => m.CloudId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(m => m.ProfileId);
    }
}

internal sealed class OutboxEmailEntityTypeConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.Property(e => e.Subject).HasMaxLength(OutboxEmail.SubjectMaxLength);
        builder.Property(e => e.ClaimedBy).HasMaxLength(OutboxEmail.ClaimedByMaxLength);
        builder.HasIndex(e => e.SentAt);
        builder.HasIndex(e => e.ClaimedBy);
    }
}

internal sealed class ActionLimitEventEntityTypeConfiguration : IEntityTypeConfiguration<ActionLimitEvent>
{
    public void Configure(EntityTypeBuilder<ActionLimitEvent> builder)
    {
        builder.HasIndex(e => new { e.UserId, e.Action, e.At });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.ActorName).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);
        builder.Property(e => e.Outcome).HasMaxLength(AuditEntry.OutcomeMaxLength);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.Action);
    }
}

internal sealed class NotificationEntityTypeConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId);
    }
}

internal sealed class ContractEntityTypeConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(Contract.TitleMaxLength);
        builder.HasIndex(c => new { c.OrganizationId, c.ProfileId });
        builder.HasIndex(c => c.ProfileId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(c => c.ProfileId);
    }
}

internal sealed class CloudNotificationSettingEntityTypeConfiguration : IEntityTypeConfiguration<CloudNotificationSetting>
{
    public void Configure(EntityTypeBuilder<CloudNotificationSetting> builder)
    {
        builder.HasIndex(s => new { s.CloudId, s.ProfileId }).IsUnique().HasDatabaseName(CloudNotificationSetting.OnePerMembershipIndex);
        builder.HasIndex(s => s.ProfileId);
        builder.HasOne<Cloud>().WithMany().HasForeignKey(s => s.CloudId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
