namespace TalentCloud.Core.ContactDetails;

/// <content>
/// Requests for contact details: asking for them ("what's your WhatsApp?", "send me your e-mail", "can I call you?"),
/// offering one's own ("let me give you my number") and moving the conversation off the platform ("let's take this
/// offline", "can we talk on the phone"), also when disguised ("wh@tsapp", "ph0ne numb3r", "e.m.a.i.l").
/// </content>
public sealed partial class ContactDetailsDetector
{
    /// <summary>How far back a negation is looked for, in characters, within the same sentence.</summary>
    private const int NegationWindow = 40;

    private static void FindContactRequests(string text, List<Candidate> output)
    {
        var plain = ContactRequestText.From(text);
        if (plain.Text.Length == 0)
        {
            return;
        }

        foreach (var pattern in ContactDetailPatterns.ContactRequests)
        {
            var match = pattern.Match(plain.Text);
            while (match.Success)
            {
                if (match.Length > 0 && !IsNegated(plain.Text, match.Index))
                {
                    var (index, length) = plain.ToOriginal(match.Index, match.Length);
                    output.Add(new Candidate(ContactDetailKind.ContactRequest, index, length));
                }

                match = match.NextMatch();
            }
        }
    }

    /// <summary>"please don't send me your number" warns rather than asks; "why don't you send me your number" still asks.</summary>
    private static bool IsNegated(string plain, int start)
    {
        var from = Math.Max(0, start - NegationWindow);
        var before = plain[from..start];
        var sentence = before.LastIndexOfAny(['.', '!', '?', ';']);
        if (sentence >= 0)
        {
            before = before[(sentence + 1)..];
        }

        return ContactDetailPatterns.NegationBefore().IsMatch(before) && !ContactDetailPatterns.NegationException().IsMatch(before);
    }
}
