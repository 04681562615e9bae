using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Search;

/// <summary>What a hiring manager asked for: free text plus filters, as read from the page's address.</summary>
public sealed record SearchQuery
{
    /// <summary>Free text over name, title, skills and bio. Longer text is trimmed to <see cref="TalentSearchService.TextMaxLength"/>.</summary>
    public string? Text { get; init; }

    /// <summary>Skills every result must have (at most <see cref="TalentSearchService.MaxSkillFilters"/>).</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 code, any case.</summary>
    public string? Country { get; init; }

    public int? MinRate { get; init; }

    public int? MaxRate { get; init; }

    public ProfileKind? Kind { get; init; }

    /// <summary>Only Active members of the searching organisation's clouds (Enterprise only).</summary>
    public bool MyCloudsOnly { get; init; }

    /// <summary>Only Active members of this cloud, which must belong to the searching organisation.</summary>
    public int? CloudId { get; init; }

    /// <summary>1-based page number; clamped to 1..<see cref="TalentSearchService.MaxPage"/>.</summary>
    public int Page { get; init; } = 1;
}

public enum SearchStatus
{
    Ok = 0,

    /// <summary>The query asks for something impossible; <see cref="SearchAnswer.Errors"/> says what to fix.</summary>
    Invalid = 1,

    /// <summary>The searcher may not search, or asked for a cloud that is not theirs.</summary>
    NotFound = 2,
}

/// <summary>One of the searching organisation's own clouds, for the "in cloud" filter.</summary>
public sealed record SearchCloud(int Id, string Name);

/// <summary>One result tile: only what the searcher may see.</summary>
public sealed record SearchTile(
    int ProfileId,
    ProfileKind Kind,
    string Handle,
    string DisplayName,
    string Title,
    IReadOnlyList<string> TopSkills,
    int HourlyRate,
    string Country,
    IReadOnlyList<string> CloudNames,
    string? RankingExplanation)
{
    public string Url => (Kind == ProfileKind.Agency ? "/agencies/" : "/freelancers/") + Handle;
}

public sealed record SearchResults(
    IReadOnlyList<SearchTile> Tiles,
    int TotalCount,
    int Page,
    int PageCount,
    bool IsEnterprise,
    IReadOnlyList<SearchCloud> OwnClouds,
    IReadOnlyList<string> Notices)
{
    public static readonly SearchResults Empty = new([], 0, 1, 0, false, [], []);
}

/// <summary>The answer to one search: results, or why there are none.</summary>
public sealed record SearchAnswer(SearchStatus Status, SearchResults Results, IReadOnlyList<string> Errors)
{
    public static readonly SearchAnswer NotFound = new(SearchStatus.NotFound, SearchResults.Empty, []);
}
