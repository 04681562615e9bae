using System.Globalization;

namespace TalentCloud.Core.Profiles;

/// <summary>Display names for ISO country codes.</summary>
public static class CountryNames
{
    public static string NameOf(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }

        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code.ToUpperInvariant();
        }
    }
}
