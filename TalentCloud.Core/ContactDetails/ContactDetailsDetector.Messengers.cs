using System.Text.RegularExpressions;

namespace TalentCloud.Core.ContactDetails;

/// <content>Messenger handles, messenger invitations and <c>@handle</c> mentions.</content>
public sealed partial class ContactDetailsDetector
{
    private static void FindMessengerHandles(string text, List<Candidate> output)
    {
        Scan(ContactDetailPatterns.MessengerLabel(), text, text, AcceptMessengerLabel, output);
        Scan(ContactDetailPatterns.MessengerInvitation(), text, text, AcceptWholeAsHandle, output);
        Scan(ContactDetailPatterns.MessengerSuggestion(), text, text, AcceptWholeAsHandle, output);
        Scan(ContactDetailPatterns.MessengerVerb(), text, text, AcceptWholeAsHandle, output);
        Scan(ContactDetailPatterns.AtHandle(), text, text, AcceptAtHandle, output);
    }

    private static bool AcceptWholeAsHandle(string text, Match match, List<Candidate> output)
    {
        output.Add(new Candidate(ContactDetailKind.MessengerHandle, match.Index, match.Length));
        return true;
    }

    private static bool AcceptMessengerLabel(string text, Match match, List<Candidate> output)
    {
        var platform = Normalize(match.Groups["p"].Value);
        var hasKeyword = match.Groups["kw"].Success;
        var separator = match.Groups["sep"].Value.Trim(' ', '\t', '\u00A0');
        var handleGroup = match.Groups["h"];
        var handle = handleGroup.Value.TrimEnd('.', '-', ' ', '\t');
        if (handle.Length == 0)
        {
            return false;
        }

        var digits = handle.Count(char.IsAsciiDigit);
        var isPhone = (handle[0] == '+' || char.IsAsciiDigit(handle[0])) && digits >= 7 && digits <= 15
            && !handle.Any(char.IsAsciiLetter);
        var startsWithAt = handle[0] == '@';
        var bare = handle.TrimStart('@');
        if (bare.Length < 2 || (!isPhone && char.IsAsciiDigit(bare[0]))
            || ContactDetailWordLists.NonHandleWords.Contains(bare))
        {
            return false;
        }

        var looksLikeHandle = startsWithAt || isPhone || bare.Any(static c => char.IsAsciiDigit(c) || c is '_' or '.' or '#');
        if (!isPhone && bare.Length > 1 && bare[0] is 'v' or 'V' && char.IsAsciiDigit(bare[1]))
        {
            return false; // "Skype v8.1" is a version.
        }

        var ambiguousPlatform = platform is "signal" or "line" or "ig" or "fb" or "insta";
        var socialNetwork = platform is "instagram" or "twitter" or "tiktok" or "facebook" or "linkedin";
        if (platform == "line" && !hasKeyword)
        {
            return false;
        }

        if (ambiguousPlatform && !(startsWithAt || isPhone || hasKeyword))
        {
            return false;
        }

        var accepted = separator switch
        {
            "" => startsWithAt || isPhone || (looksLikeHandle && (hasKeyword || !(ambiguousPlatform || socialNetwork))),
            _ when separator.Equals("is", StringComparison.OrdinalIgnoreCase) =>
                startsWithAt || isPhone || (looksLikeHandle && IsPrecededByPossessive(text, match.Index)),
            _ => true,
        };

        if (!accepted)
        {
            return false;
        }

        var end = handleGroup.Index + handle.Length;
        output.Add(new Candidate(ContactDetailKind.MessengerHandle, match.Index, end - match.Index));
        return true;
    }

    private static bool AcceptAtHandle(string text, Match match, List<Candidate> output)
    {
        var handle = match.Groups["h"].Value;
        var dot = handle.IndexOf('.', StringComparison.Ordinal);
        var firstSegment = dot < 0 ? handle : handle[..dot];
        if (ContactDetailWordLists.NonHandleAtWords.Contains(firstSegment))
        {
            return false;
        }

        output.Add(new Candidate(ContactDetailKind.MessengerHandle, match.Index, match.Length));
        return true;
    }

    private static bool IsPrecededByPossessive(string text, int index)
    {
        var word = PreviousToken(text, index, out _);
        return word.Equals("my", StringComparison.OrdinalIgnoreCase) || word.Equals("our", StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string platform)
    {
        Span<char> buffer = stackalloc char[platform.Length];
        var length = 0;
        foreach (var c in platform)
        {
            if (char.IsAsciiLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
