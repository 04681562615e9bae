using System.Text.RegularExpressions;

namespace TalentCloud.Core.ContactDetails;

/// <summary>
/// Finds contact details (e-mail addresses, phone numbers, links, messenger handles and their disguises) in a text.
/// This is a compact first version over the shared patterns; the full detector with its corpus replaces it.
/// </summary>
public sealed class ContactDetailsDetector
{
    public static readonly ContactDetailsDetector Default = new();

    public IReadOnlyList<ContactDetailMatch> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<ContactDetailMatch>();
        Add(found, ContactDetailPatterns.Email(), text, ContactDetailKind.Email);
        Add(found, ContactDetailPatterns.SchemeUrl(), text, ContactDetailKind.Url);
        Add(found, ContactDetailPatterns.WwwUrl(), text, ContactDetailKind.Url);
        foreach (Match m in ContactDetailPatterns.BareDomain().Matches(text))
        {
            if (ContactDetailWordLists.PrimaryTopLevelDomains.Contains(m.Groups["tld"].Value))
            {
                AddMatch(found, m, ContactDetailKind.Url);
            }
        }

        foreach (Match m in ContactDetailPatterns.ObfuscatedEmail().Matches(text))
        {
            if (!m.Value.Contains('@', StringComparison.Ordinal) || m.Value.Contains(' ', StringComparison.Ordinal))
            {
                AddMatch(found, m, ContactDetailKind.ObfuscatedEmail);
            }
        }

        Add(found, ContactDetailPatterns.MessengerLabel(), text, ContactDetailKind.MessengerHandle);
        Add(found, ContactDetailPatterns.MessengerInvitation(), text, ContactDetailKind.MessengerHandle);
        Add(found, ContactDetailPatterns.MessengerVerb(), text, ContactDetailKind.MessengerHandle);
        foreach (Match m in ContactDetailPatterns.NumericPhone().Matches(text))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            if (digits is >= 7 and <= 15 && !ContactDetailPatterns.Date().IsMatch(m.Value))
            {
                AddMatch(found, m, ContactDetailKind.Phone);
            }
        }

        return [.. found.OrderBy(f => f.Index)];
    }

    public bool ContainsContactDetails(string? text) => Find(text).Count > 0;

    /// <summary>A short phrase for a kind, for messages to users ("an e-mail address").</summary>
    public static string Describe(ContactDetailKind kind) => kind switch
    {
        ContactDetailKind.Email => "an e-mail address",
        ContactDetailKind.Phone => "a phone number",
        ContactDetailKind.Url => "a link or web address",
        ContactDetailKind.MessengerHandle => "a messenger handle",
        ContactDetailKind.ObfuscatedEmail => "a disguised e-mail address",
        ContactDetailKind.ObfuscatedPhone => "a disguised phone number",
        _ => "contact details",
    };

    private static void Add(List<ContactDetailMatch> found, Regex regex, string text, ContactDetailKind kind)
    {
        foreach (Match m in regex.Matches(text))
        {
            AddMatch(found, m, kind);
        }
    }

    private static void AddMatch(List<ContactDetailMatch> found, Match m, ContactDetailKind kind)
    {
        if (!found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length))
        {
            found.Add(new ContactDetailMatch(kind, m.Index, m.Length, m.Value));
        }
    }
}
