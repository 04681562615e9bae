using TalentCloud.Core.ContactDetails;

namespace TalentCloud.Core.PublicTexts;

/// <summary>
/// "No contact details on public surfaces": job posts and organisation profile texts may carry no e-mail address,
/// phone number, external link or messenger handle, for any organisation, Enterprise included. (Private messages
/// have their own rule.)
/// </summary>
public static class PublicTextRule
{
    public const string RuleName = "No contact details on public pages";

    /// <summary>An error message naming the rule and what was found, or null when <paramref name="text"/> is clean.</summary>
    /// <param name="fieldName">How the user knows the field, e.g. "The job description".</param>
    public static string? Check(string fieldName, string? text)
    {
        var kinds = ContactDetailsDetector.Default.Find(text)
            .Select(m => m.Kind)
            .Distinct()
            .Select(kind => ContactDetailsDetector.Describe(kind))
            .ToList();
        if (kinds.Count == 0)
        {
            return null;
        }

        var found = kinds.Count == 1 ? kinds[0] : string.Join(", ", kinds.Take(kinds.Count - 1)) + " and " + kinds[^1];
        return $"{fieldName} contains {found}. Rule \"{RuleName}\": job posts and company pages may not show e-mail addresses, "
            + "phone numbers, links or messenger handles — for every organisation, Enterprise included. "
            + "Remove them; people reach you through proposals and messages.";
    }
}
