using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Help;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Removals;

namespace TalentCloud.Core.DataExport;

public sealed record ExportedAccount(string DisplayName, string Email, DateTimeOffset CreatedAt);

public sealed record ExportedProfile(string Kind, string Handle, string DisplayName, string Title, string Bio, string Country,
    int HourlyRate, IReadOnlyList<string> Skills, DateTimeOffset CreatedAt);

public sealed record ExportedMembership(string Profile, string Cloud, string Organization, string Status, string JoinedVia,
    DateTimeOffset JoinedAt, DateTimeOffset? ActivatedAt, string NotificationFrequency);

public sealed record ExportedRemovalRequest(string Profile, string Cloud, string Status, string Reason, DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt, string DecisionReason);

public sealed record ExportedContract(string Profile, string Organization, string Title, DateTimeOffset StartedAt);

public sealed record ExportedNotification(string Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record ExportedHelpVote(string Article, bool Helpful, DateTimeOffset VotedAt);

public sealed record ExportedInvitation(string Profile, string Cloud, string Organization, string Note, string Status,
    DateTimeOffset SentAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt);

public sealed record ExportedOffer(string Profile, string Organization, string Cloud, string Title, string Status, int Amount,
    string PayKind, DateTimeOffset SentAt, DateTimeOffset? ClosedAt);

public sealed record ExportedProposal(string Profile, string Job, string Where, string CoverLetter, int Bid, int ConnectsSpent,
    string Status, DateTimeOffset SubmittedAt);

public sealed record ExportedMessage(string Profile, string Organization, string From, string Body, DateTimeOffset SentAt);

public sealed record ExportedSupportRequest(string Category, string Text, string Status, DateTimeOffset SentAt, IReadOnlyList<string> Replies);

/// <summary>Everything the platform keeps about one user, with cloud names only where that user may see them.</summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    ExportedAccount Account,
    IReadOnlyList<ExportedProfile> Profiles,
    IReadOnlyList<ExportedMembership> Memberships,
    IReadOnlyList<ExportedRemovalRequest> RemovalRequests,
    IReadOnlyList<ExportedContract> Contracts,
    IReadOnlyList<ExportedNotification> Notifications,
    IReadOnlyList<ExportedHelpVote> HelpVotes,
    IReadOnlyList<ExportedInvitation> Invitations,
    IReadOnlyList<ExportedOffer> Offers,
    IReadOnlyList<ExportedProposal> Proposals,
    IReadOnlyList<ExportedMessage> Messages,
    IReadOnlyList<ExportedSupportRequest> SupportRequests);

/// <summary>
/// "Download my data". A member may see the full names of their own clouds (Active or Pending), of the clouds they
/// asked to leave themselves, and of the clouds named in invitations and offers sent to them; no other cloud name is
/// looked up. A proposal to a cloud job names the cloud only while the member is still Active in it. Notification
/// texts are stored already written for their recipient.
/// </summary>
public sealed class DataExportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The signed-in user's own data; null for a visitor.</summary>
    public async Task<PersonalDataExport?> ExportAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new ExportedAccount(u.DisplayName, u.Email ?? "", u.CreatedAt)).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var profileIds = actor.ProfileIds.ToList();
        var profiles = await db.Profiles.AsNoTracking().Include(p => p.Skills)
            .Where(p => profileIds.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        var profileNames = profiles.ToDictionary(p => p.Id, p => p.DisplayName);

        var memberships = await (from m in db.CloudMemberships
                                 join c in db.Clouds on m.CloudId equals c.Id
                                 join o in db.Organizations on c.OrganizationId equals o.Id
                                 where profileIds.Contains(m.ProfileId)
                                 orderby m.JoinedAt
                                 select new
                                 {
                                     m.ProfileId,
                                     Cloud = c.Name,
                                     Organization = o.Name,
                                     m.Status,
                                     m.JoinedVia,
                                     m.JoinedAt,
                                     m.ActivatedAt,
                                     Frequency = db.CloudNotificationSettings
                                         .Where(s => s.CloudId == m.CloudId && s.ProfileId == m.ProfileId)
                                         .Select(s => (NotificationFrequency?)s.Frequency).FirstOrDefault(),
                                 }).AsNoTracking().ToListAsync(ct);

        // Only the member's own requests, so only clouds the member named themselves.
        var removals = await (from r in db.RemovalRequests
                              join c in db.Clouds on r.CloudId equals c.Id
                              where profileIds.Contains(r.ProfileId)
                              orderby r.RequestedAt
                              select new { r.ProfileId, Cloud = c.Name, r.Status, r.Reason, r.RequestedAt, r.DecidedAt, r.DecisionReason })
            .AsNoTracking().ToListAsync(ct);

        var contracts = await (from k in db.Contracts
                               join o in db.Organizations on k.OrganizationId equals o.Id
                               where profileIds.Contains(k.ProfileId)
                               orderby k.StartedAt
                               select new { k.ProfileId, Organization = o.Name, k.Title, k.StartedAt })
            .AsNoTracking().ToListAsync(ct);

        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new ExportedNotification(n.Kind.ToString(), n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);

        var votes = await db.HelpVotes.AsNoTracking().Where(v => v.UserId == actor.UserId)
            .OrderBy(v => v.ArticleSlug)
            .Select(v => new ExportedHelpVote(v.ArticleSlug, v.Helpful, v.VotedAt))
            .ToListAsync(ct);

        var invitations = await (from i in db.Invitations
                                 join c in db.Clouds on i.CloudId equals c.Id
                                 join o in db.Organizations on c.OrganizationId equals o.Id
                                 where profileIds.Contains(i.ProfileId)
                                 orderby i.CreatedAt
                                 select new { i.ProfileId, Cloud = c.Name, Organization = o.Name, i.Note, i.Status, i.CreatedAt, i.ExpiresAt, i.RespondedAt })
            .AsNoTracking().ToListAsync(ct);

        var offers = await (from f in db.Offers
                            join o in db.Organizations on f.OrganizationId equals o.Id
                            where profileIds.Contains(f.ProfileId) && f.ReleasedAt != null
                            orderby f.CreatedAt
                            select new
                            {
                                f.ProfileId, Organization = o.Name, Cloud = db.Clouds.Where(c => c.Id == f.CloudId).Select(c => c.Name).FirstOrDefault() ?? "",
                                f.Title, f.Status, f.Amount, f.PayKind, f.CreatedAt, f.ClosedAt,
                            })
            .AsNoTracking().ToListAsync(ct);

        var activeClouds = await db.CloudMemberships.AsNoTracking()
            .Where(m => profileIds.Contains(m.ProfileId) && m.Status == MembershipStatus.Active)
            .Select(m => m.CloudId).ToListAsync(ct);
        var proposals = await (from p in db.Proposals
                               join j in db.Jobs on p.JobId equals j.Id
                               join o in db.Organizations on j.OrganizationId equals o.Id
                               where profileIds.Contains(p.ProfileId)
                               orderby p.SubmittedAt
                               select new
                               {
                                   p.ProfileId, Job = j.Title, Organization = o.Name, j.CloudId, j.PublicFrom, p.CoverLetter, p.Bid, p.ConnectsSpent,
                                   p.Status, p.SubmittedAt,
                                   Cloud = db.Clouds.Where(c => c.Id == j.CloudId).Select(c => c.Name).FirstOrDefault(),
                               })
            .AsNoTracking().ToListAsync(ct);

        var messages = await (from m in db.Messages
                              join c in db.Conversations on m.ConversationId equals c.Id
                              join o in db.Organizations on c.OrganizationId equals o.Id
                              join u in db.Users on m.SenderUserId equals u.Id
                              where profileIds.Contains(c.ProfileId)
                              orderby m.SentAt, m.Id
                              select new { c.ProfileId, Organization = o.Name, From = u.DisplayName, m.Body, m.SentAt })
            .AsNoTracking().ToListAsync(ct);

        var support = await db.SupportRequests.AsNoTracking().Include(r => r.Replies).Where(r => r.UserId == actor.UserId)
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);

        return new PersonalDataExport(
            clock.GetUtcNow(),
            user,
            [.. profiles.Select(p => new ExportedProfile(p.Kind.ToString(), p.Handle, p.DisplayName, p.Title, p.Bio, p.Country,
                p.HourlyRate, [.. p.Skills.Select(s => s.Name).Order(StringComparer.OrdinalIgnoreCase)], p.CreatedAt))],
            [.. memberships.Select(m => new ExportedMembership(profileNames[m.ProfileId], m.Cloud, m.Organization,
                m.Status == MembershipStatus.Active ? "Active" : "Pending approval", m.JoinedVia.ToString(), m.JoinedAt, m.ActivatedAt,
                (m.Frequency ?? NotificationFrequency.Instant).ToString()))],
            [.. removals.Select(r => new ExportedRemovalRequest(profileNames[r.ProfileId], r.Cloud, r.Status.ToString(), r.Reason,
                r.RequestedAt, r.DecidedAt, r.DecisionReason))],
            [.. contracts.Select(k => new ExportedContract(profileNames[k.ProfileId], k.Organization, k.Title, k.StartedAt))],
            notifications,
            votes,
            [.. invitations.Select(i => new ExportedInvitation(profileNames[i.ProfileId], i.Cloud, i.Organization, i.Note, i.Status.ToString(),
                i.CreatedAt, i.ExpiresAt, i.RespondedAt))],
            [.. offers.Select(f => new ExportedOffer(profileNames[f.ProfileId], f.Organization, f.Cloud, f.Title, f.Status.ToString(), f.Amount,
                f.PayKind.ToString(), f.CreatedAt, f.ClosedAt))],
            [.. proposals.Select(p => new ExportedProposal(profileNames[p.ProfileId], p.Job,
                p.CloudId is not null && activeClouds.Contains(p.CloudId.Value) ? $"{p.Cloud} (Talent Cloud job of {p.Organization})"
                    : p.CloudId is null || p.PublicFrom is not null ? $"Public job of {p.Organization}" : "A Talent Cloud job",
                p.CoverLetter, p.Bid, p.ConnectsSpent, p.Status.ToString(), p.SubmittedAt))],
            [.. messages.Select(m => new ExportedMessage(profileNames[m.ProfileId], m.Organization, m.From, m.Body, m.SentAt))],
            [.. support.Select(r => new ExportedSupportRequest(SupportService.LabelOf(r.Category), r.Text, SupportService.StatusTextOf(r.Status), r.CreatedAt,
                [.. r.Replies.OrderBy(x => x.At).Select(x => x.Text)]))]);
    }

    public static byte[] ToJson(PersonalDataExport export) => JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions);
}
