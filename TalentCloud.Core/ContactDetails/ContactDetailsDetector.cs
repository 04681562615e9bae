namespace TalentCloud.Core.ContactDetails;

/// <summary>
/// Finds contact details (e-mail addresses, phone numbers, links, messenger handles and their
/// common disguises) in free text, so that messages and public texts such as job posts,
/// organisation descriptions and profiles that contain them can be refused.
/// </summary>
/// <remarks>
/// <para>The detector is stateless and thread-safe; use <see cref="Default"/>.</para>
/// <para>Decisions that keep ordinary text clean:</para>
/// <list type="bullet">
/// <item><description>E-mail: <c>local@domain.tld</c>; a "domain" ending in a file extension
/// (<c>logo@2x.png</c>) is not an address, nor is a bare fragment such as <c>email@</c>.</description></item>
/// <item><description>Links: anything with <c>http://</c>, <c>https://</c>, <c>ftp://</c> or <c>www.</c>, and bare
/// domains whose top-level domain is written in lower case and is on a curated list. Endings that double
/// as file extensions or code members (<c>report.pdf</c>, <c>main.cs</c>, <c>index.html</c>, <c>app.py</c>,
/// <c>user.name</c>) are never bare domains; a few ambiguous real endings (<c>.ai</c>, <c>.it</c>, <c>.to</c>, …)
/// count only when a path follows (<c>acme.ai/jobs</c>). Technology names such as <c>asp.net</c> or
/// <c>socket.io</c>, code such as <c>this.app</c> or <c>obj.method()</c>, and upper-case endings
/// (<c>ASP.NET</c>, <c>System.IO</c>) are ignored. <c>acme[.]com</c> and <c>acme(dot)com</c> count as links.</description></item>
/// <item><description>Phones: 7 to 15 digits, optionally with <c>+</c>, grouped by spaces, dots, dashes,
/// slashes or parentheses. Dates, times, year ranges, decimals, IP addresses, thousands separators,
/// round numbers, number ranges, amounts next to a currency, quantities followed by a unit
/// ("10000000 users") and identifiers introduced by words such as "order" or "ISBN" are not phones.
/// Shorter numbers (postal codes, amounts) are always allowed.</description></item>
/// <item><description>Disguised phones: at least seven digits where two or more are spelled out
/// ("four one five 555 0100") or where the digits are spaced out one by one ("5 5 5 - 1 2 3 - 4 5 6 7").
/// Plain counting ("one two three four five six seven") is ignored.</description></item>
/// <item><description>Disguised e-mail: "name at mail dot com", "name [at] mail [dot] com",
/// "name(at)mail(dot)com", "name @ mail . com". A plain "at" counts only when the words around it are
/// not ordinary prose ("good at", "meet at the", "worked at a dot com"), and the ending must be a
/// known top-level domain.</description></item>
/// <item><description>Messenger handles: a platform label followed by a handle or number
/// ("Skype: john.doe", "Telegram @jdoe", "WeChat ID: jdoe88", "my telegram is @jdoe"), invitations
/// ("add me on Skype", "let's continue on WhatsApp", "whatsapp me") and <c>@handle</c> mentions: an
/// at sign at the start of a word followed by a letter or underscore and at least three word characters
/// in total. <c>@</c> followed by a space or digit ("@ 5 dollars", "@10am"), inside a word
/// (<c>email@</c>), before <c>(</c> or <c>/</c> (decorators, package scopes) and well-known code
/// annotations, style-sheet rules and group mentions (<c>@Override</c>, <c>@media</c>, <c>@everyone</c>)
/// are not handles. Merely naming a platform ("we use Discord") is fine.</description></item>
/// <item><description>Requests: asking for a way to reach someone ("what's your WhatsApp?", "send me your e-mail",
/// "can I call you?", "is there a number I can reach you at?"), offering one's own ("let me give you my number") and
/// moving the conversation elsewhere ("let's move this to Telegram", "let's take this offline"), also disguised
/// ("wh@tsapp", "ph0ne numb3r", "e.m.a.i.l", "w h a t s a p p"). The contact word must end its phrase, so "your email
/// marketing experience", "your number one priority", "do you have WhatsApp Business API experience" and "can I call
/// you Bob?" are not requests, and a negation before it ("please don't send me your number") is a warning, not a
/// request. A detail found inside a request wins over the request.</description></item>
/// </list>
/// </remarks>
public sealed partial class ContactDetailsDetector
{
    /// <summary>A shared, thread-safe instance.</summary>
    public static ContactDetailsDetector Default { get; } = new();

    /// <summary>
    /// Finds all contact details in <paramref name="text"/>.
    /// </summary>
    /// <param name="text">The text to scan; <see langword="null"/> or empty gives no matches.</param>
    /// <returns>
    /// Non-overlapping matches ordered by <see cref="ContactDetailMatch.Index"/>. Where candidates overlap,
    /// the longest one wins (an e-mail address beats the domain inside it, a messenger label with a number
    /// beats the bare number).
    /// </returns>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">
    /// Only as a safety net if a pattern exceeds its time limit; the patterns are built to scan linearly.
    /// </exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance",
        "CA1822:Mark members as static",
        Justification = "Instance API so that the detector can be injected and shared through Default.")]
    public IReadOnlyList<ContactDetailMatch> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var candidates = new List<Candidate>();
        FindEmails(text, candidates);
        FindUrls(text, candidates);
        FindObfuscatedEmails(text, candidates);
        FindMessengerHandles(text, candidates);
        FindPhones(text, candidates);
        FindContactRequests(text, candidates);
        return Resolve(text, candidates);
    }

    /// <summary>
    /// Tells whether <paramref name="text"/> contains at least one contact detail.
    /// </summary>
    /// <param name="text">The text to scan; <see langword="null"/> or empty gives <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when <see cref="Find"/> would return at least one match.</returns>
    public bool ContainsContactDetails(string? text) => Find(text).Count > 0;

    /// <summary>
    /// Returns user-facing words for a kind of contact detail, for messages such as
    /// "Your text seems to contain a phone number."
    /// </summary>
    /// <param name="kind">The kind to describe.</param>
    /// <returns>A short noun phrase with its article, e.g. "an e-mail address".</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string Describe(ContactDetailKind kind) => kind switch
    {
        ContactDetailKind.Email => "an e-mail address",
        ContactDetailKind.Phone => "a phone number",
        ContactDetailKind.Url => "a link or web address",
        ContactDetailKind.MessengerHandle => "a messenger handle",
        ContactDetailKind.ObfuscatedEmail => "a disguised e-mail address",
        ContactDetailKind.ObfuscatedPhone => "a disguised phone number",
        ContactDetailKind.ContactRequest => "a request to exchange contact details",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown contact detail kind."),
    };

    private readonly record struct Candidate(ContactDetailKind Kind, int Index, int Length)
    {
        public int End => Index + Length;
    }

    private static ContactDetailMatch[] Resolve(string text, List<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        candidates.Sort(static (a, b) =>
        {
            // A contact detail itself always wins over a request that surrounds it ("my WhatsApp is +44 ...").
            var byRequest = (a.Kind == ContactDetailKind.ContactRequest).CompareTo(b.Kind == ContactDetailKind.ContactRequest);
            if (byRequest != 0)
            {
                return byRequest;
            }

            var byLength = b.Length.CompareTo(a.Length);
            if (byLength != 0)
            {
                return byLength;
            }

            var byKind = Priority(a.Kind).CompareTo(Priority(b.Kind));
            return byKind != 0 ? byKind : a.Index.CompareTo(b.Index);
        });

        var chosen = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            if (candidate.Length <= 0)
            {
                continue;
            }

            var overlaps = false;
            foreach (var taken in chosen)
            {
                if (candidate.Index < taken.End && taken.Index < candidate.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                chosen.Add(candidate);
            }
        }

        chosen.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var result = new ContactDetailMatch[chosen.Count];
        for (var i = 0; i < chosen.Count; i++)
        {
            var c = chosen[i];
            result[i] = new ContactDetailMatch(c.Kind, c.Index, c.Length, text.Substring(c.Index, c.Length));
        }

        return result;
    }

    private static int Priority(ContactDetailKind kind) => kind switch
    {
        ContactDetailKind.Email => 0,
        ContactDetailKind.ObfuscatedEmail => 1,
        ContactDetailKind.Url => 2,
        ContactDetailKind.MessengerHandle => 3,
        ContactDetailKind.Phone => 4,
        ContactDetailKind.ObfuscatedPhone => 5,
        _ => 6,
    };
}
