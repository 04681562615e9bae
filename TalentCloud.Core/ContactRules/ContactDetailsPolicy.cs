using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.ContactDetails;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.ContactRules;

/// <summary>Whether the two sides of a private conversation may exchange contact details, and why.</summary>
public enum ContactSharing
{
    /// <summary>No contract yet and no Enterprise subscription: contact details are refused.</summary>
    NotYet = 0,

    /// <summary>The organisation is a verified Enterprise client: allowed in private messages before a contract.</summary>
    EnterpriseException = 1,

    /// <summary>A contract between the pair has started.</summary>
    ContractStarted = 2,
}

/// <summary>The facts about an organisation–profile pair that the rule needs.</summary>
public sealed record PairFacts(string OrganizationName, string ProfileName, bool OrganizationIsEnterprise, bool ContractStarted);

/// <summary>The decision on one private message.</summary>
public sealed record ContactDetailsDecision(bool Allowed, ContactSharing Sharing, IReadOnlyList<ContactDetailKind> Found, string? Refusal)
{
    public bool ContainsContactDetails => Found.Count > 0;
}

/// <summary>
/// The contact-details rule for private messages (PRODUCT.md, "Enterprise communication rules"): before a contract,
/// contact details may be exchanged only when the client side is an organisation with an active Enterprise
/// subscription (in both directions of that conversation); after a contract starts they are allowed. Public
/// surfaces follow <see cref="PublicTextPolicy"/> instead.
/// </summary>
public static class ContactDetailsPolicy
{
    public static ContactSharing SharingFor(PairFacts pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.ContractStarted)
        {
            return ContactSharing.ContractStarted;
        }

        return pair.OrganizationIsEnterprise ? ContactSharing.EnterpriseException : ContactSharing.NotYet;
    }

    /// <summary>Why the rule exists, in the words every refusal and the help centre use.</summary>
    public const string Reason =
        "The rule protects both sides from scams and fraud, and keeps the work and its protection on TalentCloud. "
        + "Enterprise clients are the exception because each is a verified business with a support relationship with TalentCloud.";

    /// <summary>
    /// Decides on a text written to the other side of the pair before or during their work: a private message (by either
    /// side) or a proposal's cover letter. <paramref name="what"/> names it in the refusal ("message", "cover letter").
    /// </summary>
    public static ContactDetailsDecision Decide(string? text, PairFacts pair, string what = "message")
    {
        var sharing = SharingFor(pair);
        var found = ContactDetailsDetector.Default.Find(text).Select(m => m.Kind).Distinct().ToList();
        if (found.Count == 0 || sharing != ContactSharing.NotYet)
        {
            return new ContactDetailsDecision(true, sharing, found, null);
        }

        return new ContactDetailsDecision(false, sharing, found, RefusalFor(found, pair, what));
    }

    /// <summary>The rule's explanation when something that counts as a contact detail is refused before a contract.</summary>
    public static string RefusalFor(IReadOnlyCollection<ContactDetailKind> found, PairFacts pair, string what = "message")
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(found);
        var contains = found.Count == 0 ? "contact details" : Describe(found);
        return $"Not sent: your {what} contains {contains}. Contact details (e-mail addresses, phone numbers, links, messenger handles) "
            + $"may be shared or asked for only after a contract between {pair.OrganizationName} and {pair.ProfileName} starts; before that, only "
            + $"verified Enterprise clients may exchange them, in private messages. {Reason} "
            + $"Your draft is kept: remove the contact details or the request for them and send it again.";
    }

    /// <summary>"an e-mail address and a phone number".</summary>
    public static string Describe(IReadOnlyCollection<ContactDetailKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var parts = kinds.Distinct().Select(ContactDetailsDetector.Describe).ToList();
        return parts.Count switch
        {
            0 => "contact details",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
        };
    }

    /// <summary>Loads the facts for a pair: names, the organisation's subscription, and whether a contract has started.</summary>
    internal static async Task<PairFacts> LoadFactsAsync(AppDbContext db, int organizationId, int profileId, DateTimeOffset now, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new { o.Name, o.HasEnterpriseSubscription }).SingleAsync(ct);
        var profileName = await db.Profiles.AsNoTracking().Where(p => p.Id == profileId).Select(p => p.DisplayName).SingleAsync(ct);
        var contract = await db.Contracts.AsNoTracking()
            .AnyAsync(c => c.OrganizationId == organizationId && c.ProfileId == profileId && c.StartedAt <= now, ct);
        return new PairFacts(org.Name, profileName, org.HasEnterpriseSubscription, contract);
    }
}
