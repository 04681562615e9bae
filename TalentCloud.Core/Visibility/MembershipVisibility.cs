using TalentCloud.Core.Accounts;
using TalentCloud.Core.Memberships;

namespace TalentCloud.Core.Visibility;

/// <summary>What a viewer may learn about one membership.</summary>
public enum MembershipView
{
    /// <summary>Nothing at all: no name, no label, nothing in the markup.</summary>
    Hidden = 0,

    /// <summary>Only that the profile belongs to some Talent Cloud, labelled "Talent Cloud".</summary>
    Masked = 1,

    /// <summary>The cloud's full name.</summary>
    Full = 2,
}

/// <summary>The facts about a membership the rule needs.</summary>
public readonly record struct MembershipFacts(int ProfileId, int CloudOrganizationId, MembershipStatus Status);

/// <summary>
/// The core rule of the product: who sees which Talent Cloud membership. Every surface that shows a member
/// asks this function; nothing else decides it.
/// </summary>
public static class MembershipVisibility
{
    /// <summary>The only text a masked membership may ever show.</summary>
    public const string MaskedLabel = "Talent Cloud";

    public static MembershipView Decide(Actor viewer, MembershipFacts membership)
    {
        ArgumentNullException.ThrowIfNull(viewer);

        // Pending memberships grant nothing and are shown on no profile surface.
        if (membership.Status != MembershipStatus.Active)
        {
            return MembershipView.Hidden;
        }

        if (viewer.IsPlatformAdmin
            || viewer.OwnsProfile(membership.ProfileId)
            || viewer.BelongsTo(membership.CloudOrganizationId))
        {
            return MembershipView.Full;
        }

        // Any other client, Enterprise or not, learns nothing; so does a visitor.
        if (viewer.IsClient || !viewer.IsSignedIn)
        {
            return MembershipView.Hidden;
        }

        return viewer.IsTalent ? MembershipView.Masked : MembershipView.Hidden;
    }

    /// <summary>
    /// Combines the decisions for all of one profile's memberships into what a panel may show:
    /// the full names the viewer may see and at most one masked label (never a count).
    /// </summary>
    public static MembershipPanel Compose(Actor viewer, IEnumerable<(MembershipFacts Facts, string CloudName)> memberships)
    {
        var names = new SortedSet<string>(StringComparer.CurrentCultureIgnoreCase);
        var masked = false;
        foreach (var (facts, cloudName) in memberships)
        {
            switch (Decide(viewer, facts))
            {
                case MembershipView.Full:
                    names.Add(cloudName);
                    break;
                case MembershipView.Masked:
                    masked = true;
                    break;
            }
        }

        return new MembershipPanel([.. names], masked);
    }
}

/// <summary>What the memberships panel of one profile may show to one viewer.</summary>
public sealed record MembershipPanel(IReadOnlyList<string> CloudNames, bool ShowsMaskedLabel)
{
    public static readonly MembershipPanel Empty = new([], false);

    /// <summary>When false the panel must not be rendered at all.</summary>
    public bool IsVisible => CloudNames.Count > 0 || ShowsMaskedLabel;
}
