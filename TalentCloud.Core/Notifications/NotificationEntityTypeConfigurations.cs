using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;

namespace TalentCloud.Core.Notifications;

internal sealed class AppUserTimeZoneEntityTypeConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder) =>
        builder.Property(u => u.TimeZoneId).HasMaxLength(AppUser.TimeZoneIdMaxLength).HasDefaultValue("UTC");
}

internal sealed class PendingDigestItemEntityTypeConfiguration : IEntityTypeConfiguration<PendingDigestItem>
{
    public void Configure(EntityTypeBuilder<PendingDigestItem> builder)
    {
        builder.Property(i => i.JobTitle).HasMaxLength(PendingDigestItem.JobTitleMaxLength);
        builder.Property(i => i.ClaimedAt).IsConcurrencyToken();
        builder.HasIndex(i => new { i.ClaimedAt, i.UserId });
        builder.HasIndex(i => i.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cloud>().WithMany().HasForeignKey(i => i.CloudId);
    }
}

internal sealed class NotificationDigestEntityTypeConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        builder.Property(d => d.SlotLocal).HasMaxLength(NotificationDigest.SlotLocalMaxLength);
        builder.HasIndex(d => new { d.UserId, d.SlotUtc }).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Sections).WithOne().HasForeignKey(s => s.DigestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDigestSectionEntityTypeConfiguration : IEntityTypeConfiguration<NotificationDigestSection>
{
    public void Configure(EntityTypeBuilder<NotificationDigestSection> builder)
    {
        builder.HasIndex(s => new { s.NotificationId, s.CloudId });
        builder.HasOne<Cloud>().WithMany().HasForeignKey(s => s.CloudId);
    }
}

internal sealed class OutboxEmailDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<Data.OutboxEmail>
{
    public void Configure(EntityTypeBuilder<Data.OutboxEmail> builder)
    {
        builder.Property(e => e.RecipientUserId).HasMaxLength(450);
        builder.Property(e => e.LastError).HasMaxLength(Data.OutboxEmail.LastErrorMaxLength);
    }
}
