using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Core.Search;

/// <summary>
/// Talent search for client organisations: who may search (<see cref="SearchAnswer.NotFound"/> for anyone else), the
/// input rules (<see cref="SearchInput"/>), the ranking (<see cref="SearchRanking"/>: Active members of the
/// searcher's Enterprise clouds first, then skills matched, then text rank, then profile id) and the database's SQL
/// (<see cref="SearchStore"/>, SQLite or PostgreSQL). Only ids leave the database until the page is known; then only
/// that page's profiles are read, and their cloud names go through <see cref="MembershipVisibility"/>.
/// </summary>
public sealed class TalentSearchService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int TextMaxLength = 200;
    public const int MaxTerms = 10;
    public const int MaxSkillFilters = 5;
    public const int PageSize = 20;
    public const int MaxPage = 500;
    public const int TopSkillCount = 5;

    public async Task<SearchAnswer> SearchAsync(Actor actor, SearchQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);

        // Client organisations' people search; platform admins may too (support). Everyone else: no such page.
        if (!actor.IsClient && !actor.IsPlatformAdmin)
        {
            return SearchAnswer.NotFound;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var store = SearchStore.For(db);

        var (isEnterprise, ownClouds) = await store.OwnCloudsAsync(actor, ct);
        var reading = SearchInput.Read(actor, query, isEnterprise, ownClouds);
        if (reading.NotFound)
        {
            return SearchAnswer.NotFound;
        }

        var notices = reading.Notices.ToList();
        if (reading.Plan is not { } plan)
        {
            return new SearchAnswer(SearchStatus.Invalid, new SearchResults([], 0, 1, 0, isEnterprise, ownClouds, notices), reading.Errors);
        }

        var page = reading.Page;
        var (rows, total) = await PageAsync(store, plan, page, ct);
        if (rows.Count == 0 && page > 1)
        {
            // Past the last page: show the last page rather than nothing.
            var lastPage = Math.Max(1, (total + PageSize - 1) / PageSize);
            if (lastPage < page)
            {
                notices.Add($"There are only {lastPage} pages; showing the last one.");
                page = lastPage;
                (rows, total) = await PageAsync(store, plan, page, ct);
            }
        }

        var panels = await PanelsAsync(store, actor, [.. rows.Select(r => r.Row.Id)], ct);
        var skillCandidates = new HashSet<string>(plan.SkillCandidates.Concat(plan.RequiredSkills), StringComparer.OrdinalIgnoreCase);
        var tiles = rows.Select(r =>
        {
            // Clients never see the masked label on a tile; only the names the rule shows them.
            var names = panels.TryGetValue(r.Row.Id, out var panel) ? panel.CloudNames : [];
            var topSkills = r.Row.Skills
                .OrderBy(s => skillCandidates.Contains(s) ? 0 : 1)
                .ThenBy(s => s, StringComparer.OrdinalIgnoreCase)
                .Take(TopSkillCount)
                .ToList();
            string? explanation = r.Boosted && names.Count > 0 ? "In your cloud: " + string.Join(", ", names) : null;
            return new SearchTile(r.Row.Id, r.Row.Kind, r.Row.Handle, r.Row.DisplayName, r.Row.Title, topSkills, r.Row.HourlyRate, r.Row.Country,
                names, explanation);
        }).ToList();

        var pageCount = Math.Min(MaxPage, (total + PageSize - 1) / PageSize);
        return new SearchAnswer(SearchStatus.Ok, new SearchResults(tiles, total, page, pageCount, isEnterprise, ownClouds, notices), []);
    }

    /// <summary>
    /// One page in rank order and the number of matches. The candidates, the members of the searcher's clouds and the
    /// holders of each candidate skill are read as id sets and grouped in memory; text rank is asked for only for the
    /// matches in the groups the page falls into — for a hiring manager's first page usually just their cloud members.
    /// </summary>
    private static async Task<(List<(SearchRow Row, bool Boosted)> Rows, int Total)> PageAsync(SearchStore store, SearchPlan plan, int page,
        CancellationToken ct)
    {
        var candidates = await store.CandidatesAsync(plan, ct);
        var skip = (page - 1) * PageSize;
        if (skip >= candidates.Count)
        {
            return ([], candidates.Count);
        }

        var boosted = plan.BoostCloudIds.Count > 0 ? await store.ActiveMembersAsync(plan.BoostCloudIds, ct) : [];
        var skillsHeld = plan.SkillCandidates.Count > 0 ? await store.SkillsHeldAsync(plan.SkillCandidates, ct) : [];
        var (wanted, rankedBefore) = SearchRanking.GroupsForPage(candidates, boosted, skillsHeld, skip, PageSize);
        if (plan.Terms.Count > 0)
        {
            var ranks = await store.TextRanksAsync(plan, [.. wanted.Select(w => w.Id)], ct);
            for (var i = 0; i < wanted.Count; i++)
            {
                wanted[i] = wanted[i] with { TextRank = ranks.GetValueOrDefault(wanted[i].Id) };
            }
        }

        var slice = SearchRanking.Slice(wanted, skip - rankedBefore, PageSize);
        if (slice.Count == 0)
        {
            return ([], candidates.Count);
        }

        var rows = (await store.RowsAsync([.. slice.Select(r => r.Id)], ct)).ToDictionary(r => r.Id);
        return ([.. slice.Where(r => rows.ContainsKey(r.Id)).Select(r => (rows[r.Id], r.Boosted))], candidates.Count);
    }

    /// <summary>
    /// The cloud names each tile may show, decided by <see cref="MembershipVisibility"/>. For org people only their
    /// own organisations' memberships are read at all, so other organisations' clouds never leave the database.
    /// </summary>
    private static async Task<Dictionary<int, MembershipPanel>> PanelsAsync(SearchStore store, Actor actor, List<int> profileIds, CancellationToken ct)
    {
        if (profileIds.Count == 0 || (!actor.IsPlatformAdmin && actor.Organizations.Count == 0))
        {
            return [];
        }

        var rows = await store.VisibleMembershipsAsync(actor, profileIds, ct);
        return rows.GroupBy(r => r.Facts.ProfileId).ToDictionary(g => g.Key, g => MembershipVisibility.Compose(actor, g));
    }
}
