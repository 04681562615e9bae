using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Core.Profiles;

/// <summary>A public profile as one viewer may see it.</summary>
public sealed record ProfilePageView(
    int Id,
    ProfileKind Kind,
    string Handle,
    string DisplayName,
    string Title,
    string Bio,
    string Country,
    int HourlyRate,
    IReadOnlyList<string> Skills,
    bool IsOwnProfile,
    MembershipPanel Memberships,
    string TimeZone = "",
    EngagementTypes EngagementTypes = EngagementTypes.None,
    bool CanMessage = false)
{
    /// <summary>The profile's address: <c>/freelancers/{handle}</c> or <c>/agencies/{handle}</c>.</summary>
    public string Url => (Kind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + Handle;

    /// <summary>"Hourly and fixed price", "Hourly", "Fixed price" or empty.</summary>
    public string EngagementText => EngagementTypes switch
    {
        EngagementTypes.Hourly | EngagementTypes.FixedPrice => "Hourly and fixed price",
        EngagementTypes.Hourly => "Hourly",
        EngagementTypes.FixedPrice => "Fixed price",
        _ => "",
    };
}

public sealed class ProfileService(IDbContextFactory<AppDbContext> dbFactory)
{
    // The public profile is the most visited page: its two queries are compiled once rather than translated per call.
    private static readonly PerModel<Func<AppDbContext, string, ProfileKind, CancellationToken, Task<Profile?>>> FindProfile = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string handle, ProfileKind kind, CancellationToken ct) => db.Profiles.AsNoTracking()
            .Include(p => p.Skills)
            .SingleOrDefault(p => p.Handle == handle && p.Kind == kind)));

    private static readonly PerModel<Func<AppDbContext, int, IAsyncEnumerable<PanelRow>>> ActiveMemberships = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int profileId) =>
            from m in db.CloudMemberships.AsNoTracking()
            join c in db.Clouds on m.CloudId equals c.Id
            where m.ProfileId == profileId && m.Status == MembershipStatus.Active
            select new PanelRow(m.ProfileId, c.OrganizationId, m.Status, c.Name)));

    /// <summary>
    /// The public profile at <c>/freelancers/{handle}</c> or <c>/agencies/{handle}</c>, or null when there is none
    /// (unknown, malformed or over-long handle, or a handle of the other kind).
    /// </summary>
    public async Task<ProfilePageView?> GetPublicProfileAsync(Actor viewer, ProfileKind kind, string? handle, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!ProfileHandle.IsValid(handle))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await FindProfile.For(db)(db, handle!, kind, ct);
        if (profile is null)
        {
            return null;
        }

        var panel = await GetMembershipPanelAsync(db, viewer, profile.Id, ct);
        return new ProfilePageView(
            profile.Id, profile.Kind, profile.Handle, profile.DisplayName, profile.Title, profile.Bio,
            profile.Country, profile.HourlyRate,
            [.. profile.Skills.Select(s => s.Name).Order(StringComparer.OrdinalIgnoreCase)],
            viewer.OwnsProfile(profile.Id),
            panel,
            profile.TimeZone,
            profile.EngagementTypes,
            // The same test ConversationService.StartAsync applies: a client user, not on their own profile.
            CanMessage: viewer.IsClient && !viewer.OwnsProfile(profile.Id));
    }

    /// <summary>The memberships panel of one profile for one viewer, decided by <see cref="MembershipVisibility"/>.</summary>
    internal static async Task<MembershipPanel> GetMembershipPanelAsync(AppDbContext db, Actor viewer, int profileId, CancellationToken ct)
    {
        var rows = new List<(MembershipFacts, string)>();
        await foreach (var r in ActiveMemberships.For(db)(db, profileId).WithCancellation(ct))
        {
            rows.Add((new MembershipFacts(r.ProfileId, r.OrganizationId, r.Status), r.Name));
        }

        return MembershipVisibility.Compose(viewer, rows);
    }

    private sealed record PanelRow(int ProfileId, int OrganizationId, MembershipStatus Status, string Name);
}
