using System.Text;

namespace TalentCloud.Core.ContactDetails;

/// <summary>
/// A plain-word copy of a text for finding requests for contact details, with a map back to the original.
/// Disguises are undone so that one set of patterns sees them all:
/// lower case; curly apostrophes become <c>'</c>; every run of white space becomes one space; digits and signs
/// standing for letters inside a word are read as letters (<c>ph0ne</c>, <c>wh@tsapp</c>, <c>numb3r</c>);
/// dots, dashes, underscores and stars between letters are dropped (<c>e-mail</c>, <c>w.h.a.t.s.a.p.p</c>);
/// and three or more single letters in a row are joined (<c>w h a t s a p p</c>).
/// </summary>
internal readonly struct ContactRequestText
{
    private ContactRequestText(string text, int[] map)
    {
        Text = text;
        Map = map;
    }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>For each character of <see cref="Text"/>, the index of the character of the original text it came from.</summary>
    private int[] Map { get; }

    /// <summary>The original text's span behind <paramref name="length"/> normalised characters from <paramref name="index"/>.</summary>
    public (int Index, int Length) ToOriginal(int index, int length)
    {
        var start = Map[index];
        var end = Map[index + length - 1] + 1;
        return (start, end - start);
    }

    public static ContactRequestText From(string text)
    {
        var chars = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        foreach (var (c, i) in text.Select((c, i) => (c, i)))
        {
            var lower = char.ToLowerInvariant(c);
            if (char.IsWhiteSpace(lower))
            {
                if (chars.Length > 0 && chars[^1] != ' ')
                {
                    Append(chars, map, ' ', i);
                }

                continue;
            }

            Append(chars, map, lower is '’' or '‘' or '`' or '´' ? '\'' : lower, i);
        }

        var step = ReadLeetAsLetters(chars.ToString(), map);
        step = DropSeparatorsBetweenLetters(step.Text, step.Map);
        step = JoinSpelledOutLetters(step.Text, step.Map);
        return new ContactRequestText(step.Text, step.Map);
    }

    private static void Append(StringBuilder chars, List<int> map, char c, int index)
    {
        chars.Append(c);
        map.Add(index);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$';

    /// <summary>Inside a word that has letters, 0 1 3 4 5 7 @ $ stand for o i e a s t a s.</summary>
    private static (string Text, int[] Map) ReadLeetAsLetters(string text, List<int> map)
    {
        var buffer = text.ToCharArray();
        var start = 0;
        while (start < buffer.Length)
        {
            if (!IsWordChar(buffer[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < buffer.Length && IsWordChar(buffer[end]))
            {
                end++;
            }

            var word = buffer.AsSpan(start, end - start);
            if (word.ContainsAnyInRange('a', 'z') && word.IndexOfAny("0134579@$") >= 0)
            {
                for (var i = 0; i < word.Length; i++)
                {
                    word[i] = word[i] switch
                    {
                        '0' => 'o',
                        '1' => 'i',
                        '3' => 'e',
                        '4' or '@' => 'a',
                        '5' or '$' => 's',
                        '7' => 't',
                        '9' => 'g',
                        _ => word[i],
                    };
                }
            }

            start = end;
        }

        return (new string(buffer), [.. map]);
    }

    /// <summary>"e-mail", "e.m.a.i.l", "tele_gram" → "email", "email", "telegram".</summary>
    private static (string Text, int[] Map) DropSeparatorsBetweenLetters(string text, int[] map)
    {
        var chars = new StringBuilder(text.Length);
        var kept = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var between = i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
            if (c is '.' or '-' or '_' or '*' or '·' && between)
            {
                continue;
            }

            Append(chars, kept, c, map[i]);
        }

        return (chars.ToString(), [.. kept]);
    }

    /// <summary>"w h a t s a p p" → "whatsapp": three or more one-letter words in a row become one word.</summary>
    private static (string Text, int[] Map) JoinSpelledOutLetters(string text, int[] map)
    {
        var chars = new StringBuilder(text.Length);
        var kept = new List<int>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var run = SingleLetterRun(text, i);
            if (run >= 3)
            {
                for (var letter = 0; letter < run; letter++)
                {
                    Append(chars, kept, text[i + (letter * 2)], map[i + (letter * 2)]);
                }

                i += (run * 2) - 1;
                continue;
            }

            Append(chars, kept, text[i], map[i]);
            i++;
        }

        return (chars.ToString(), [.. kept]);
    }

    /// <summary>How many one-letter words separated by single spaces start at <paramref name="start"/> (0 when none does).</summary>
    private static int SingleLetterRun(string text, int start)
    {
        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return 0;
        }

        var count = 0;
        var i = start;
        while (i < text.Length && char.IsLetter(text[i]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
        {
            count++;
            if (i + 2 < text.Length && text[i + 1] == ' ')
            {
                i += 2;
                continue;
            }

            break;
        }

        return count;
    }
}
