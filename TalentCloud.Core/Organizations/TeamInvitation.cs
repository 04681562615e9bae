using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Core.Organizations;

public enum TeamInvitationStatus
{
    Pending = 1,
    Accepted = 2,
    Withdrawn = 3,

    /// <summary>Replaced by a newer invitation to the same address after it had expired.</summary>
    Superseded = 4,
}

/// <summary>
/// An owner's invitation of a colleague, by e-mail address, to join the organisation with a role. The e-mail carries a
/// link with a secret token; only the token's hash is stored. Pending invitations can be resent (a new link, a new
/// 14-day term) or withdrawn.
/// </summary>
public sealed class TeamInvitation
{
    public const int EmailMaxLength = 256;
    public const int TokenHashLength = 64;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }

    /// <summary>The address as the owner typed it (trimmed).</summary>
    public string Email { get; private set; } = "";

    /// <summary>Upper-case, as Identity normalises addresses; what look-ups compare.</summary>
    public string NormalizedEmail { get; private set; } = "";

    public OrganizationRole Role { get; private set; }
    public string InvitedByUserId { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public TeamInvitationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the e-mail last went out (the invitation or its latest resend).</summary>
    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }
    public int SendCount { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public string? AcceptedByUserId { get; private set; }

    public static TeamInvitation Create(int organizationId, string email, OrganizationRole role, string invitedByUserId, string tokenHash,
        DateTimeOffset now) => new()
        {
            OrganizationId = organizationId,
            Email = email,
            NormalizedEmail = Normalize(email),
            Role = role,
            InvitedByUserId = invitedByUserId,
            TokenHash = tokenHash,
            Status = TeamInvitationStatus.Pending,
            CreatedAt = now,
            SentAt = now,
            ExpiresAt = now + Lifetime,
            SendCount = 1,
        };

    public bool IsExpiredAt(DateTimeOffset now) => Status == TeamInvitationStatus.Pending && now >= ExpiresAt;

    public bool IsOpenAt(DateTimeOffset now) => Status == TeamInvitationStatus.Pending && now < ExpiresAt;

    /// <summary>A new link and a new 14-day term; the earlier link stops working.</summary>
    public void Resend(string tokenHash, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        SentAt = now;
        ExpiresAt = now + Lifetime;
        SendCount++;
    }

    public void Withdraw(DateTimeOffset now)
    {
        Status = TeamInvitationStatus.Withdrawn;
        RespondedAt = now;
    }

    public void Supersede(DateTimeOffset now)
    {
        Status = TeamInvitationStatus.Superseded;
        RespondedAt = now;
    }

    public void Accept(string userId, DateTimeOffset now)
    {
        Status = TeamInvitationStatus.Accepted;
        AcceptedByUserId = userId;
        RespondedAt = now;
    }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>A fresh secret for the link (URL-safe) and the hash that is stored.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The page the e-mail's link opens.</summary>
    public static string JoinPath(string token) => "/Account/JoinTeam?token=" + Uri.EscapeDataString(token);
}

internal sealed class TeamInvitationEntityTypeConfiguration : IEntityTypeConfiguration<TeamInvitation>
{
    public void Configure(EntityTypeBuilder<TeamInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(TeamInvitation.EmailMaxLength);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(TeamInvitation.EmailMaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(TeamInvitation.TokenHashLength);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.Property(i => i.AcceptedByUserId).HasMaxLength(450);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        // At most one pending invitation per organisation and address, even when two owners send at once.
        builder.HasIndex(i => new { i.OrganizationId, i.NormalizedEmail }).IsUnique().HasFilter("\"Status\" = 1");
        builder.HasIndex(i => new { i.InvitedByUserId, i.SentAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.InvitedByUserId);
    }
}
