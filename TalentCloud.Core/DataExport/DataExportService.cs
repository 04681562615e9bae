using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
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

/// <summary>Everything the platform keeps about one user, with cloud names only where that user may see them.</summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    ExportedAccount Account,
    IReadOnlyList<ExportedProfile> Profiles,
    IReadOnlyList<ExportedMembership> Memberships,
    IReadOnlyList<ExportedRemovalRequest> RemovalRequests,
    IReadOnlyList<ExportedContract> Contracts,
    IReadOnlyList<ExportedNotification> Notifications,
    IReadOnlyList<ExportedHelpVote> HelpVotes);

/// <summary>
/// "Download my data". A member may see the full names of their own clouds (Active or Pending) and of the clouds they
/// asked to leave themselves; no other cloud name is looked up. Notification texts are stored already written for
/// their recipient. Invitations, offers, proposals and messages join the export where those features keep them.
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
            votes);
    }

    public static byte[] ToJson(PersonalDataExport export) => JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions);
}
