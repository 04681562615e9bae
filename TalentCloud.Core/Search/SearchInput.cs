using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Search;

/// <summary>A search as the database is asked it: validated, clamped, with the words to match and the clouds to boost.</summary>
internal sealed record SearchPlan(
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> SkillCandidates,
    IReadOnlyList<string> RequiredSkills,
    string? Country,
    int? MinRate,
    int? MaxRate,
    ProfileKind? Kind,
    IReadOnlyList<int> BoostCloudIds,
    bool MyCloudsOnly,
    int? CloudId)
{
    /// <summary>Whether a filter needs the profile row (country, rate, kind), not just the matching ids.</summary>
    public bool NeedsProfileRow => Country is not null || MinRate is not null || MaxRate is not null || Kind is not null;
}

/// <summary>What the input rules made of a query: a plan and the page, or errors; notices either way.</summary>
internal sealed record SearchReading(SearchPlan? Plan, int Page, IReadOnlyList<string> Notices, IReadOnlyList<string> Errors, bool NotFound);

/// <summary>
/// The input rules of talent search, the same on every database: text is trimmed to <see cref="TalentSearchService.TextMaxLength"/>
/// characters and <see cref="TalentSearchService.MaxTerms"/> words (with a notice), words without letters or digits are
/// dropped, at most <see cref="TalentSearchService.MaxSkillFilters"/> skill filters, a two-letter country, rates clamped
/// to $0–$1,000 with a minimum not above the maximum, pages clamped, and clouds only the searcher's own.
/// </summary>
internal static class SearchInput
{
    public static SearchReading Read(Actor actor, SearchQuery query, bool isEnterprise, IReadOnlyList<SearchCloud> ownClouds)
    {
        var notices = new List<string>();
        var errors = new List<string>();

        var text = UserText.Line(query.Text);
        if (text.Length > TalentSearchService.TextMaxLength)
        {
            text = text[..TalentSearchService.TextMaxLength];
            notices.Add($"Your search was trimmed to its first {TalentSearchService.TextMaxLength} characters.");
        }

        var terms = FtsQuery.Terms(text, TalentSearchService.MaxTerms);
        if (FtsQuery.Terms(text, int.MaxValue).Count > TalentSearchService.MaxTerms)
        {
            notices.Add($"Only the first {TalentSearchService.MaxTerms} words were searched.");
        }

        if (terms.Count == 0 && text.Length > 0)
        {
            notices.Add("Your search holds no letters or digits, so everyone is listed.");
        }

        var skills = query.Skills.Select(UserText.Line).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (skills.Count > TalentSearchService.MaxSkillFilters)
        {
            errors.Add($"Filter by at most {TalentSearchService.MaxSkillFilters} skills.");
        }

        if (skills.Any(s => s.Length > Profile.SkillMaxLength))
        {
            errors.Add($"A skill has at most {Profile.SkillMaxLength} characters.");
        }

        string? country = null;
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            country = query.Country.Trim().ToUpperInvariant();
            if (country.Length != Profile.CountryLength || !country.All(c => c is >= 'A' and <= 'Z'))
            {
                errors.Add("Country must be a two-letter country code such as US or DE.");
            }
        }

        int? minRate = query.MinRate is { } min ? Math.Clamp(min, 0, Profile.MaxHourlyRate) : null;
        int? maxRate = query.MaxRate is { } max ? Math.Clamp(max, 0, Profile.MaxHourlyRate) : null;
        if (query.MinRate != minRate || query.MaxRate != maxRate)
        {
            notices.Add($"Hourly rates run from $0 to ${Profile.MaxHourlyRate}; your range was adjusted.");
        }

        if (minRate is not null && maxRate is not null && minRate > maxRate)
        {
            errors.Add("The minimum hourly rate must not be above the maximum.");
        }

        if (query.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add("Choose freelancers, agencies or both.");
        }

        if (query.MyCloudsOnly && !isEnterprise)
        {
            errors.Add("\"My Talent Clouds only\" is available to Enterprise clients.");
        }

        if (query.CloudId is { } cloudId && !actor.IsPlatformAdmin && ownClouds.All(c => c.Id != cloudId))
        {
            // A cloud that is not the searcher's own is private: it does not exist for them.
            return new SearchReading(null, 1, notices, errors, NotFound: true);
        }

        if (errors.Count > 0)
        {
            return new SearchReading(null, 1, notices, errors, NotFound: false);
        }

        var page = Math.Clamp(query.Page, 1, TalentSearchService.MaxPage);
        if (page != query.Page)
        {
            notices.Add(query.Page < 1 ? "Pages start at 1." : $"Results are shown up to page {TalentSearchService.MaxPage}; narrow your search to see more.");
        }

        var plan = new SearchPlan(terms, FtsQuery.SkillCandidates(terms), skills, country, minRate, maxRate, query.Kind,
            isEnterprise ? [.. ownClouds.Select(c => c.Id)] : [], query.MyCloudsOnly, query.CloudId);
        return new SearchReading(plan, page, notices, errors, NotFound: false);
    }
}
