using System.Text.RegularExpressions;

namespace TalentCloud.Core.ContactDetails;

/// <content>E-mail addresses, links and disguised e-mail addresses.</content>
public sealed partial class ContactDetailsDetector
{
    /// <summary>Decides on one regex match; adds zero or more candidates and returns whether it accepted.</summary>
    private delegate bool Acceptor(string text, Match match, List<Candidate> output);

    /// <summary>
    /// Runs <paramref name="regex"/> over <paramref name="input"/> (the text itself or a copy of the same
    /// length). By default the scan resumes one character after a rejected match, so a rejected candidate
    /// cannot hide a genuine one that starts inside it; with <paramref name="skipRejected"/> it resumes after
    /// the rejected match, for patterns whose verdict covers the whole run (a list of numbers).
    /// </summary>
    private static void Scan(
        Regex regex, string text, string input, Acceptor accept, List<Candidate> output, bool skipRejected = false)
    {
        var match = regex.Match(input);
        while (match.Success)
        {
            var next = accept(text, match, output) || skipRejected
                ? Math.Max(match.Index + match.Length, match.Index + 1)
                : match.Index + 1;
            if (next >= input.Length)
            {
                break;
            }

            match = regex.Match(input, next);
        }
    }

    private static void FindEmails(string text, List<Candidate> output) =>
        Scan(ContactDetailPatterns.Email(), text, text, AcceptEmail, output);

    private static bool AcceptEmail(string text, Match match, List<Candidate> output)
    {
        var tld = match.Groups["tld"].Value;
        if (ContactDetailWordLists.FileExtensions.Contains(tld) && !IsKnownTopLevelDomain(tld))
        {
            return false;
        }

        // "git@github.com:acme/app.git" is a repository address, not a mailbox.
        var end = match.Index + match.Length;
        if (end + 1 < text.Length && text[end] == ':' && !char.IsWhiteSpace(text[end + 1]))
        {
            return false;
        }

        output.Add(new Candidate(ContactDetailKind.Email, match.Index, match.Length));
        return true;
    }

    private static void FindUrls(string text, List<Candidate> output)
    {
        Scan(ContactDetailPatterns.SchemeUrl(), text, text, AcceptExplicitUrl, output);
        Scan(ContactDetailPatterns.WwwUrl(), text, text, AcceptExplicitUrl, output);
        Scan(ContactDetailPatterns.BareDomain(), text, text, AcceptBareDomain, output);
        Scan(ContactDetailPatterns.BracketedDomain(), text, text, AcceptBracketedDomain, output);
    }

    private static bool AcceptExplicitUrl(string text, Match match, List<Candidate> output)
    {
        var end = TrimUrlEnd(text, match.Index, match.Index + match.Length);
        output.Add(new Candidate(ContactDetailKind.Url, match.Index, end - match.Index));
        return true;
    }

    private static bool AcceptBareDomain(string text, Match match, List<Candidate> output)
    {
        var host = match.Groups["host"].Value;
        var tld = match.Groups["tld"].Value;
        var pathGroup = match.Groups["path"];
        var end = TrimUrlEnd(text, match.Index, match.Index + match.Length);
        var slash = pathGroup.Success ? text.IndexOf('/', pathGroup.Index, pathGroup.Length) : -1;
        var hasPath = slash >= 0 && end > slash + 1;

        var tldAccepted = ContactDetailWordLists.PrimaryTopLevelDomains.Contains(tld)
            || (hasPath && ContactDetailWordLists.SecondaryTopLevelDomains.Contains(tld));
        if (!tldAccepted || ContactDetailWordLists.TechnologyNames.Contains(host))
        {
            return false;
        }

        var labels = host.Split('.');
        if (labels.Length == 2 && !hasPath && ContactDetailWordLists.CodeReceivers.Contains(labels[0]))
        {
            return false;
        }

        var hasLetter = false;
        for (var i = 0; i < labels.Length - 1 && !hasLetter; i++)
        {
            hasLetter = labels[i].Any(char.IsAsciiLetter);
        }

        if (!hasLetter)
        {
            return false;
        }

        if (!hasPath)
        {
            end = match.Groups["host"].Index + host.Length;
        }

        output.Add(new Candidate(ContactDetailKind.Url, match.Index, end - match.Index));
        return true;
    }

    private static bool AcceptBracketedDomain(string text, Match match, List<Candidate> output)
    {
        if (match.Value.AsSpan().IndexOfAny("[({<") < 0 || !IsKnownTopLevelDomain(match.Groups["tld"].Value))
        {
            return false;
        }

        output.Add(new Candidate(ContactDetailKind.Url, match.Index, match.Length));
        return true;
    }

    private static void FindObfuscatedEmails(string text, List<Candidate> output) =>
        Scan(ContactDetailPatterns.ObfuscatedEmail(), text, text, AcceptObfuscatedEmail, output);

    private static bool AcceptObfuscatedEmail(string text, Match match, List<Candidate> output)
    {
        var local = match.Groups["local"].Value;
        var at = match.Groups["at"].Value;
        var domain = match.Groups["domain"].Value;
        var lastDot = match.Groups["lastdot"].Value;
        var tld = match.Groups["tld"].Value;

        var realDotsOnly = IsPlainDots(domain) && lastDot == ".";
        if (at == "@" && realDotsOnly && IsPlainDots(local))
        {
            return false; // An ordinary address; the e-mail pattern reports it.
        }

        if (!IsKnownTopLevelDomain(tld))
        {
            return false;
        }

        var atWord = at.Trim(' ', '\t', '\u00A0');
        if (atWord.Equals("at", StringComparison.OrdinalIgnoreCase))
        {
            var firstLocalWord = FirstWord(local);
            var firstDomainWord = FirstWord(domain);
            if (ContactDetailWordLists.WordsBeforePrepositionAt.Contains(firstLocalWord)
                || ContactDetailWordLists.WordsAfterPrepositionAt.Contains(firstDomainWord))
            {
                return false;
            }

            // "john at gmail.com" is a classic disguise, but "Experienced at ASP.NET" is not:
            // with real dots the ending must be a lower-case, well-known top-level domain.
            if (realDotsOnly
                && (!ContactDetailWordLists.PrimaryTopLevelDomains.Contains(tld) || tld.Any(char.IsUpper)
                    || ContactDetailWordLists.TechnologyNames.Contains(domain + "." + tld)))
            {
                return false;
            }
        }

        output.Add(new Candidate(ContactDetailKind.ObfuscatedEmail, match.Index, match.Length));
        return true;
    }

    private static bool IsKnownTopLevelDomain(string tld) =>
        ContactDetailWordLists.PrimaryTopLevelDomains.Contains(tld)
        || ContactDetailWordLists.SecondaryTopLevelDomains.Contains(tld);

    private static bool IsPlainDots(string value)
    {
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\u00A0' or '[' or '(' or '{' or '<' or ']' or ')' or '}' or '>')
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstWord(string value)
    {
        var end = 0;
        while (end < value.Length && (char.IsLetterOrDigit(value[end]) || value[end] is '\'' or '-'))
        {
            end++;
        }

        return value[..end];
    }

    /// <summary>Drops sentence punctuation and unbalanced closing brackets from the end of a link.</summary>
    private static int TrimUrlEnd(string text, int start, int end)
    {
        while (end > start)
        {
            var c = text[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '*' or '…')
            {
                end--;
                continue;
            }

            if (c is ')' or ']' or '}')
            {
                var open = c switch { ')' => '(', ']' => '[', _ => '{' };
                var span = text.AsSpan(start, end - start);
                if (span.Count(c) > span.Count(open))
                {
                    end--;
                    continue;
                }
            }

            break;
        }

        return end;
    }
}
