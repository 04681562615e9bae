using TalentCloud.Core.Common;
using TalentCloud.Core.ContactDetails;

namespace TalentCloud.Core.ContactRules;

/// <summary>
/// Public surfaces (job posts, organisation descriptions, names chosen at registration, profile names, titles, bios and skills) never carry contact details,
/// for anyone, Enterprise clients included. Every service that saves such a text calls <see cref="Check"/>.
/// </summary>
public static class PublicTextPolicy
{
    /// <summary>The rule's short name, quoted in every refusal.</summary>
    public const string RuleName = "No contact details on public pages";

    public const string RuleText =
        "Public pages (job posts, organisation and profile pages, names and skills) may not carry contact details such as e-mail addresses, "
        + "phone numbers, links or messenger handles, nor ask for them, for every organisation and person, Enterprise included: "
        + "they would expose people to scams and fraud and take work off the platform.";

    /// <summary>Success when <paramref name="text"/> has no contact details; otherwise a failure naming what was found and the rule.</summary>
    /// <param name="text">The text about to be saved.</param>
    /// <param name="field">What the text is, for the message (e.g. "The organisation description").</param>
    public static Result Check(string? text, string field = "This text")
    {
        var found = ContactDetailsDetector.Default.Find(text);
        if (found.Count == 0)
        {
            return Result.Success;
        }

        var kinds = found.Select(m => m.Kind).Distinct().ToList();
        return Result.Failure($"{field} contains {ContactDetailsPolicy.Describe(kinds)} (\"{Shorten(found[0].Value)}\"). Rule \"{RuleName}\": {RuleText} "
            + "Share contact details in private messages where the rules allow it.");
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
