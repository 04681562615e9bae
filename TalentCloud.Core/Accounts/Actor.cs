using TalentCloud.Core.Organizations;

namespace TalentCloud.Core.Accounts;

/// <summary>
/// The acting user as every Core service sees it: who they are and what they own or belong to.
/// Services take an <see cref="Actor"/> explicitly instead of reading ambient state.
/// </summary>
public sealed record Actor(
    string? UserId,
    string DisplayName,
    bool IsPlatformAdmin,
    IReadOnlyList<int> ProfileIds,
    IReadOnlyDictionary<int, OrganizationRole> Organizations)
{
    public static readonly Actor Visitor = new(null, "", false, [], new Dictionary<int, OrganizationRole>());

    public bool IsSignedIn => UserId is not null;

    /// <summary>Acts for a freelancer or agency profile.</summary>
    public bool IsTalent => ProfileIds.Count > 0;

    /// <summary>Acts for a client organisation (owner or hiring manager).</summary>
    public bool IsClient => Organizations.Count > 0;

    public bool OwnsProfile(int profileId) => ProfileIds.Contains(profileId);

    public bool BelongsTo(int organizationId) => Organizations.ContainsKey(organizationId);

    public bool IsOwnerOf(int organizationId) =>
        Organizations.TryGetValue(organizationId, out var role) && role == OrganizationRole.Owner;
}
