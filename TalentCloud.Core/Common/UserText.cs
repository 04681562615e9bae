using System.Text;

namespace TalentCloud.Core.Common;

/// <summary>
/// The one cleaning of text people type, applied by every service before it validates and stores the text.
/// <see cref="Line"/> is for names and titles shown to other people: one line, no control characters, and no
/// direction controls, so a right-to-left override cannot disguise a name (e.g. who a message is from) or reorder the
/// text around it. <see cref="Block"/> is for longer texts (descriptions, bios, messages, notes): line breaks stay,
/// other control characters and the direction overrides, embeddings and isolates go.
/// </summary>
public static class UserText
{
    /// <summary>A name or title: control characters and line breaks become spaces, direction controls and invisible spaces go, runs of white space become one space, trimmed. Null gives "".</summary>
    public static string Line(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var text = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (IsDirectionControl(c) || IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>
    /// A longer text: line breaks (CR LF, CR, NEL, the Unicode line and paragraph separators) become LF and tabs stay;
    /// other control characters, direction overrides, embeddings and isolates go; trimmed. Null gives "".
    /// </summary>
    public static string Block(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\r')
            {
                text.Append('\n');
                if (i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                text.Append('\n');
            }
            else if (c == '\t' || !(char.IsControl(c) || IsDirectionOverride(c)))
            {
                text.Append(c);
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>Every character that changes the direction of the text around it: embeddings, overrides, isolates and the marks.</summary>
    public static bool IsDirectionControl(char c) => IsDirectionOverride(c) || c is '\u200E' or '\u200F' or '\u061C';

    /// <summary>True when <paramref name="text"/> has a character that <see cref="Line"/> would remove or replace.</summary>
    public static bool HasHiddenCharacters(string? text) =>
        text is not null && text.Any(c => char.IsControl(c) || IsDirectionControl(c) || IsInvisible(c));

    /// <summary>Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder the text that follows.</summary>
    private static bool IsDirectionOverride(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Zero-width space, word joiner and the byte-order mark: a name made of them looks empty (the zero-width joiner stays, emoji need it).</summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u2060' or '\uFEFF';
}
