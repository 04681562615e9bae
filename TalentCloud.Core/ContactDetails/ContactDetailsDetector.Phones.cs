using System.Text;
using System.Text.RegularExpressions;

namespace TalentCloud.Core.ContactDetails;

/// <content>Phone numbers and disguised phone numbers.</content>
public sealed partial class ContactDetailsDetector
{
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;

    private readonly record struct DigitGroup(int Start, int End, int DigitStart, int DigitCount, bool InParentheses);

    private static void FindPhones(string text, List<Candidate> output)
    {
        var masked = MaskNonPhoneNumbers(text);
        Scan(ContactDetailPatterns.SpelledPhone(), text, masked, AcceptSpelledPhone, output, skipRejected: true);
        Scan(ContactDetailPatterns.NumericPhone(), text, masked, AcceptNumericPhone, output, skipRejected: true);
    }

    /// <summary>
    /// Replaces dates, clock times and year ranges with letters (keeping every index) so that the phone
    /// patterns neither match them nor glue them to a neighbouring number.
    /// </summary>
    private static string MaskNonPhoneNumbers(string text)
    {
        char[]? buffer = null;

        foreach (Match m in ContactDetailPatterns.Date().Matches(text))
        {
            if (IsPlausibleDate(m))
            {
                Mask(ref buffer, text, m);
            }
        }

        foreach (Match m in ContactDetailPatterns.Time().Matches(text))
        {
            Mask(ref buffer, text, m);
        }

        foreach (Match m in ContactDetailPatterns.YearRange().Matches(text))
        {
            var from = int.Parse(m.Groups["from"].ValueSpan, provider: null);
            var toText = m.Groups["to"].ValueSpan;
            var to = int.Parse(toText, provider: null);
            if (toText.Length == 2 || to >= from)
            {
                Mask(ref buffer, text, m);
            }
        }

        return buffer is null ? text : new string(buffer);
    }

    private static void Mask(ref char[]? buffer, string text, Match match)
    {
        buffer ??= text.ToCharArray();
        buffer.AsSpan(match.Index, match.Length).Fill('x');
    }

    private static bool IsPlausibleDate(Match m)
    {
        if (m.Groups["y"].Success)
        {
            var month = int.Parse(m.Groups["m"].ValueSpan, provider: null);
            var day = int.Parse(m.Groups["d"].ValueSpan, provider: null);
            return month is >= 1 and <= 12 && day is >= 1 and <= 31;
        }

        var a = int.Parse(m.Groups["a"].ValueSpan, provider: null);
        var b = int.Parse(m.Groups["b"].ValueSpan, provider: null);
        return (a is >= 1 and <= 31 && b is >= 1 and <= 12) || (a is >= 1 and <= 12 && b is >= 1 and <= 31);
    }

    private static bool AcceptSpelledPhone(string text, Match match, List<Candidate> output)
    {
        var digits = new StringBuilder();
        var spelledWords = 0;
        var repeat = 1;
        var value = match.Value;
        var i = 0;
        while (i < value.Length)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < value.Length && char.IsAsciiLetterOrDigit(value[i]))
            {
                i++;
            }

            var token = value[start..i];
            if (char.IsAsciiDigit(token[0]))
            {
                digits.Append(token);
                repeat = 1;
                continue;
            }

            var word = token.ToLowerInvariant();
            if (word == "double" || word == "triple")
            {
                repeat = word == "double" ? 2 : 3;
                continue;
            }

            var digit = word switch
            {
                "zero" or "oh" => '0',
                "one" => '1',
                "two" => '2',
                "three" => '3',
                "four" => '4',
                "five" => '5',
                "six" => '6',
                "seven" => '7',
                "eight" => '8',
                _ => '9',
            };
            digits.Append(digit, repeat);
            spelledWords++;
            repeat = 1;
        }

        var spelled = digits.ToString();
        if (spelledWords < 2 || spelled.Length < MinPhoneDigits || IsCountingSequence(spelled) || spelled.All(c => c == spelled[0]))
        {
            return false;
        }

        output.Add(new Candidate(ContactDetailKind.ObfuscatedPhone, match.Index, match.Length));
        return true;
    }

    private static bool AcceptNumericPhone(string text, Match match, List<Candidate> output)
    {
        var groups = ParseGroups(text, match.Index, match.Index + match.Length);
        var hasPlus = text[match.Index] == '+';
        var total = groups.Sum(static g => g.DigitCount);
        if (total < MinPhoneDigits)
        {
            return false;
        }

        var accepted = false;
        if (total <= MaxPhoneDigits)
        {
            accepted = TryAddPhone(text, groups, 0, groups.Count, hasPlus, match.Index, output);
        }
        else if (!IsAmountOrIdentifierContext(text, groups[0].Start, groups[^1].End))
        {
            // Several numbers written side by side: cut into phone-sized runs, preferring cuts after a
            // group of four or more digits once a run has ten digits.
            var from = 0;
            var digitsInRun = 0;
            for (var k = 0; k < groups.Count; k++)
            {
                if (k > from && digitsInRun + groups[k].DigitCount > MaxPhoneDigits)
                {
                    accepted |= TryAddPhone(text, groups, from, k, hasPlus && from == 0, match.Index, output);
                    from = k;
                    digitsInRun = 0;
                }

                digitsInRun += groups[k].DigitCount;
                if (digitsInRun >= 10 && groups[k].DigitCount >= 4 && k + 1 < groups.Count)
                {
                    accepted |= TryAddPhone(text, groups, from, k + 1, hasPlus && from == 0, match.Index, output);
                    from = k + 1;
                    digitsInRun = 0;
                }
            }

            if (from < groups.Count)
            {
                accepted |= TryAddPhone(text, groups, from, groups.Count, hasPlus && from == 0, match.Index, output);
            }
        }

        return accepted;
    }

    private static List<DigitGroup> ParseGroups(string text, int start, int end)
    {
        var groups = new List<DigitGroup>();
        var i = start;
        while (i < end)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var digitStart = i;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var tokenStart = digitStart;
            var tokenEnd = i;
            var inParentheses = false;
            var before = digitStart - 1;
            while (before >= start && text[before] is ' ' or '\t' or '\u00A0')
            {
                before--;
            }

            if (before >= start && text[before] == '(')
            {
                var after = i;
                while (after < end && text[after] is ' ' or '\t' or '\u00A0')
                {
                    after++;
                }

                if (after < end && text[after] == ')')
                {
                    inParentheses = true;
                    tokenStart = before;
                    tokenEnd = after + 1;
                }
            }

            groups.Add(new DigitGroup(tokenStart, tokenEnd, digitStart, i - digitStart, inParentheses));
            i = Math.Max(i, tokenEnd);
        }

        return groups;
    }

    private static bool TryAddPhone(
        string text, List<DigitGroup> groups, int from, int to, bool hasPlus, int matchStart, List<Candidate> output)
    {
        var kind = ClassifyPhone(text, groups, from, to, hasPlus);
        if (kind is null)
        {
            return false;
        }

        var start = hasPlus ? matchStart : groups[from].Start;
        var end = groups[to - 1].End;
        output.Add(new Candidate(kind.Value, start, end - start));
        return true;
    }

    private static ContactDetailKind? ClassifyPhone(string text, List<DigitGroup> groups, int from, int to, bool hasPlus)
    {
        var count = to - from;
        var digits = new StringBuilder();
        var singles = 0;
        var hasParentheses = false;
        for (var k = from; k < to; k++)
        {
            var g = groups[k];
            digits.Append(text, g.DigitStart, g.DigitCount);
            singles += g.DigitCount == 1 ? 1 : 0;
            hasParentheses |= g.InParentheses;
        }

        var ds = digits.ToString();
        if (ds.Length < MinPhoneDigits || ds.Length > MaxPhoneDigits)
        {
            return null;
        }

        // Separators between groups, reduced to their punctuation ("" for blanks only).
        var separators = new string[Math.Max(0, count - 1)];
        for (var k = from + 1; k < to; k++)
        {
            separators[k - from - 1] = text[groups[k - 1].End..groups[k].Start].Trim(' ', '\t', '\u00A0');
        }

        var dotsOnly = separators.Length > 0 && separators.All(static s => s == ".");
        var blanksOnly = separators.Length > 0 && separators.All(static s => s.Length == 0);

        if (count >= 5 && singles >= 5 && singles * 2 >= count && (!dotsOnly || count >= 7))
        {
            return IsCountingSequence(ds) ? null : ContactDetailKind.ObfuscatedPhone;
        }

        if (hasPlus)
        {
            return ContactDetailKind.Phone;
        }

        if (IsAscendingRun(ds) || ds.All(c => c == ds[0]))
        {
            return null;
        }

        // Parentheses hold an area code or trunk prefix near the start, never a trailing "(2022)".
        for (var k = from + 2; k < to; k++)
        {
            if (groups[k].InParentheses)
            {
                return null;
            }
        }

        if (!hasParentheses)
        {
            if (count >= 2 && AllGroups(text, groups, from, to, static g => g.Length == 4 && (g.StartsWith("19", StringComparison.Ordinal) || g.StartsWith("20", StringComparison.Ordinal))))
            {
                return null; // A list of years.
            }

            if (dotsOnly)
            {
                // Dotted phones look like 415.555.0100 or 06.12.34.56.78; anything else is a decimal,
                // a version, an IP address or a number with thousands separators.
                if (count < 3 || !AllGroups(text, groups, from, to, static g => g.Length is >= 2 and <= 4))
                {
                    return null;
                }

                if (groups[from].DigitCount <= 3 && AllGroups(text, groups, from + 1, to, static g => g.Length == 3))
                {
                    return null;
                }
            }

            if (blanksOnly)
            {
                var firstLength = groups[from].DigitCount;
                var thousands = AllGroups(text, groups, from + 1, to, static g => g.Length == 3);
                var last = text.Substring(groups[to - 1].DigitStart, groups[to - 1].DigitCount);
                if (thousands && (firstLength == 1 || last == "000"))
                {
                    return null; // 1 000 000 or 12 500 000.
                }

                if (count >= 4 && text[groups[from].DigitStart] != '0' && AllGroups(text, groups, from, to, static g => g.Length <= 3))
                {
                    return null; // A list of small numbers such as scores.
                }
            }

            if (count == 2 && separators[0] is "-" or "–" or "/")
            {
                var first = text.Substring(groups[from].DigitStart, groups[from].DigitCount);
                var second = text.Substring(groups[from + 1].DigitStart, groups[from + 1].DigitCount);
                if (first[0] != '0' && second[0] != '0' && first[^1] == '0' && second[^1] == '0'
                    && (second.Length > first.Length || (second.Length == first.Length && string.CompareOrdinal(second, first) > 0)))
                {
                    return null; // A range of round numbers such as 5000-10000.
                }
            }

            if (count == 1 && (ds.Length >= 14 || ds.EndsWith("0000", StringComparison.Ordinal)))
            {
                return null; // A long identifier or a round number.
            }
        }

        var start = groups[from].Start;
        var end = groups[to - 1].End;
        return IsAmountOrIdentifierContext(text, start, end) ? null : ContactDetailKind.Phone;
    }

    private static bool AllGroups(string text, List<DigitGroup> groups, int from, int to, Func<string, bool> predicate)
    {
        if (from >= to)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (!predicate(text.Substring(groups[k].DigitStart, groups[k].DigitCount)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>1234567, 9876543 and the like: counting, not a number anyone would dial.</summary>
    private static bool IsCountingSequence(string digits)
    {
        if (digits.Length < 2)
        {
            return false;
        }

        bool up = true, down = true;
        for (var i = 1; i < digits.Length; i++)
        {
            var step = (digits[i] - digits[i - 1] + 10) % 10;
            up &= step == 1;
            down &= step == 9;
        }

        return up || down;
    }

    /// <summary>1234567 or 0123456789: a placeholder or test value rather than a phone number.</summary>
    private static bool IsAscendingRun(string digits)
    {
        for (var i = 1; i < digits.Length; i++)
        {
            if ((digits[i] - digits[i - 1] + 10) % 10 != 1)
            {
                return false;
            }
        }

        return digits.Length > 1;
    }

    /// <summary>
    /// True when the number is an amount ("$ 1500000", "2500000 EUR"), a quantity ("10000000 users") or
    /// an identifier ("order 12345678", "ISBN 978-3-16-148410-0", "invoice no. 20231234").
    /// </summary>
    private static bool IsAmountOrIdentifierContext(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && text[before] is ' ' or '\t' or '\u00A0')
        {
            before--;
        }

        if (before >= 0 && text[before] is '$' or '€' or '£' or '¥' or '₹' or '#' or '№')
        {
            return true;
        }

        // Look at up to two tokens back: "order 12345678", "invoice no. 20231234", "IBAN DE89 3704 …".
        var position = start;
        for (var step = 0; step < 2; step++)
        {
            var previous = PreviousToken(text, position, out position);
            if (previous.Length == 0)
            {
                break;
            }

            if (ContactDetailWordLists.IdentifierWords.Contains(previous)
                || (step == 0 && ContactDetailWordLists.CurrencyWords.Contains(previous)))
            {
                return true;
            }

            var isNumberMarker = previous.ToLowerInvariant() is "no" or "nr" or "num" or "number" or "nos";
            if (!isNumberMarker && !previous.Any(char.IsAsciiDigit))
            {
                break;
            }
        }

        var after = end;
        while (after < text.Length && text[after] is ' ' or '\t' or '\u00A0')
        {
            after++;
        }

        if (after < text.Length && text[after] is '%' or '$' or '€' or '£' or '¥' or '₹')
        {
            return true;
        }

        var next = NextWord(text, end);
        return ContactDetailWordLists.CurrencyWords.Contains(next) || ContactDetailWordLists.QuantityWords.Contains(next);
    }

    /// <summary>
    /// Returns the letters-and-digits token that ends before <paramref name="index"/>, skipping blanks and
    /// light punctuation; <paramref name="tokenStart"/> is where it starts.
    /// </summary>
    private static string PreviousToken(string text, int index, out int tokenStart)
    {
        var i = index - 1;
        while (i >= 0 && index - i <= 4 && text[i] is ' ' or '\t' or '\u00A0' or ':' or '#' or '.' or '-' or '(')
        {
            i--;
        }

        var end = i + 1;
        while (i >= 0 && char.IsLetterOrDigit(text[i]))
        {
            i--;
        }

        tokenStart = i + 1;
        return text[tokenStart..end];
    }

    /// <summary>Returns the word that starts after <paramref name="index"/>, skipping blanks.</summary>
    private static string NextWord(string text, int index)
    {
        var i = index;
        while (i < text.Length && text[i] is ' ' or '\t' or '\u00A0')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return text[start..i];
    }
}
