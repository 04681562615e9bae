using System.Globalization;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Search;
using TalentCloud.Web.Components.Shared.Paging;

namespace TalentCloud.Web.Components.Pages.Search;

/// <summary>
/// The search form's fields as the user typed them (strings, so nothing typed is lost), read from and written back to
/// the page's address. Core reads the values leniently: what it cannot use it reports or ignores.
/// </summary>
public sealed record SearchFields
{
    public string? Text { get; set; }
    public string? Skills { get; set; }
    public string? Country { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string Kind { get; set; } = "";
    public bool Mine { get; set; }
    public string Cloud { get; set; } = "";

    public static SearchFields FromAddress(string? text, string? skills, string? country, string? min, string? max, string? kind, string? mine, string? cloud) => new()
    {
        Text = QueryValues.Text(text, TalentSearchService.TextMaxLength),
        Skills = skills,
        Country = country,
        Min = Number(min)?.ToString(CultureInfo.InvariantCulture),
        Max = Number(max)?.ToString(CultureInfo.InvariantCulture),
        Kind = kind?.Trim().ToLowerInvariant() is "freelancer" or "agency" ? kind.Trim().ToLowerInvariant() : "",
        Mine = QueryValues.Flag(mine),
        Cloud = QueryValues.OptionalNumber(cloud)?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    public SearchQuery ToQuery(int page) => new()
    {
        Text = Text,
        Skills = (Skills ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Country = Country,
        MinRate = Number(Min),
        MaxRate = Number(Max),
        Kind = Kind switch { "freelancer" => ProfileKind.Freelancer, "agency" => ProfileKind.Agency, _ => null },
        MyCloudsOnly = Mine,
        CloudId = QueryValues.OptionalNumber(Cloud),
        Page = page,
    };

    /// <summary>The address of this search at a page; empty fields are left out.</summary>
    public string Address(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("q", Text is { Length: > TalentSearchService.TextMaxLength } ? Text[..TalentSearchService.TextMaxLength] : Text);
        Add("skills", Skills);
        Add("country", Country);
        Add("min", Min);
        Add("max", Max);
        Add("kind", Kind);
        Add("mine", Mine ? "1" : null);
        Add("cloud", Cloud);
        Add("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "/search" : "/search?" + string.Join('&', parts);
    }

    /// <summary>A whole number, or null for anything else (Core clamps ranges and pages).</summary>
    public static int? Number(string? value) => QueryValues.OptionalNumber(value, min: int.MinValue);
}
