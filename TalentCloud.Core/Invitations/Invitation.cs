using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Invitations;

public enum InvitationStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
    Expired = 4,
}

/// <summary>An invitation from a hiring manager to a freelancer or agency to join one cloud. Answered once, by the invitee only.</summary>
public sealed class Invitation
{
    public const int NoteMaxLength = 1000;

    /// <summary>The filtered unique index: at most one pending invitation per cloud and profile, even under concurrent sends.</summary>
    public const string OnePendingIndex = "IX_Invitations_CloudId_ProfileId";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public int Id { get; private set; }
    public int CloudId { get; private set; }
    public int ProfileId { get; private set; }
    public string InvitedByUserId { get; private set; } = "";
    public string Note { get; private set; } = "";
    public InvitationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>The criteria that were not met when it was accepted, one per line (empty when all were met).</summary>
    public string UnmetCriteria { get; private set; } = "";

    public static Invitation Create(int cloudId, int profileId, string invitedByUserId, string note, DateTimeOffset now) => new()
    {
        CloudId = cloudId,
        ProfileId = profileId,
        InvitedByUserId = invitedByUserId,
        Note = note,
        Status = InvitationStatus.Pending,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public bool IsExpiredAt(DateTimeOffset now) => Status == InvitationStatus.Expired || (Status == InvitationStatus.Pending && now >= ExpiresAt);

    public void Accept(DateTimeOffset now, IEnumerable<string> unmet)
    {
        Status = InvitationStatus.Accepted;
        RespondedAt = now;
        UnmetCriteria = string.Join('\n', unmet);
    }

    public void Decline(DateTimeOffset now)
    {
        Status = InvitationStatus.Declined;
        RespondedAt = now;
    }

    public void Expire() => Status = InvitationStatus.Expired;

    /// <summary>Moves the expiry on, e.g. by the time the invitation spent paused while its organisation's subscription was not active.</summary>
    public void ExtendBy(TimeSpan time) => ExpiresAt += time;
}

internal sealed class InvitationEntityTypeConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Note).HasMaxLength(Invitation.NoteMaxLength);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.Property(i => i.UnmetCriteria).HasMaxLength(2000);
        builder.HasIndex(i => new { i.CloudId, i.ProfileId }).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName(Invitation.OnePendingIndex);
        builder.HasIndex(i => new { i.ProfileId, i.Status });
        builder.HasOne<Cloud>().WithMany().HasForeignKey(i => i.CloudId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(i => i.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
