using System.Text;
using System.Text.RegularExpressions;

namespace TalentCloud.Core.Profiles;

/// <summary>Rules for the handle in a profile's address.</summary>
public static partial class ProfileHandle
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidPattern();

    /// <summary>True for a well-formed handle; anything else (too long, upper case, symbols) is never looked up.</summary>
    public static bool IsValid(string? handle) =>
        handle is not null && handle.Length <= Profile.HandleMaxLength && ValidPattern().IsMatch(handle);

    /// <summary>Derives a handle from a display name ("Fiona Park" → "fiona-park").</summary>
    public static string FromName(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(ch);
            }
            else if ((char.IsWhiteSpace(ch) || ch is '-' or '_' or '.') && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var handle = sb.ToString().Trim('-');
        if (handle.Length > 50)
        {
            handle = handle[..50].Trim('-');
        }

        return handle.Length == 0 ? "member" : handle;
    }
}
