using TalentCloud.Core.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Core.Search;

/// <summary>
/// Talent search for client organisations over the FTS5 index (<c>ProfileSearch</c>, built by the TalentSearch
/// migration): Active members of the searcher's Enterprise clouds first, then skills matched, then text rank
/// (bm25), then profile id as a stable tie-break. Only ids leave the database until the page is known; then only
/// that page's profiles are read.
/// </summary>
public sealed class TalentSearchService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int TextMaxLength = 200;
    public const int MaxTerms = 10;
    public const int MaxSkillFilters = 5;
    public const int PageSize = 20;
    public const int MaxPage = 500;
    public const int TopSkillCount = 5;

    private const char Separator = '\u001f';

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
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);

        var (isEnterprise, ownClouds) = await LoadOwnCloudsAsync(connection, actor, ct);
        var notices = new List<string>();
        var errors = new List<string>();

        var text = UserText.Line(query.Text);
        if (text.Length > TextMaxLength)
        {
            text = text[..TextMaxLength];
            notices.Add($"Your search was trimmed to its first {TextMaxLength} characters.");
        }

        var terms = FtsQuery.Terms(text, MaxTerms);
        if (FtsQuery.Terms(text, int.MaxValue).Count > MaxTerms)
        {
            notices.Add($"Only the first {MaxTerms} words were searched.");
        }

        if (terms.Count == 0 && text.Length > 0)
        {
            notices.Add("Your search holds no letters or digits, so everyone is listed.");
        }

        var skills = query.Skills.Select(UserText.Line).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (skills.Count > MaxSkillFilters)
        {
            errors.Add($"Filter by at most {MaxSkillFilters} skills.");
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

        var myCloudsOnly = query.MyCloudsOnly;
        if (myCloudsOnly && !isEnterprise)
        {
            errors.Add("\"My Talent Clouds only\" is available to Enterprise clients.");
        }

        if (query.CloudId is { } cloudId && !actor.IsPlatformAdmin && ownClouds.All(c => c.Id != cloudId))
        {
            // A cloud that is not the searcher's own is private: it does not exist for them.
            return SearchAnswer.NotFound;
        }

        var emptyResults = new SearchResults([], 0, 1, 0, isEnterprise, ownClouds, notices);
        if (errors.Count > 0)
        {
            return new SearchAnswer(SearchStatus.Invalid, emptyResults, errors);
        }

        var page = Math.Clamp(query.Page, 1, MaxPage);
        if (page != query.Page)
        {
            notices.Add(query.Page < 1 ? "Pages start at 1." : $"Results are shown up to page {MaxPage}; narrow your search to see more.");
        }

        var plan = new SearchPlan(
            terms, FtsQuery.SkillCandidates(terms), skills, country, minRate, maxRate, query.Kind,
            isEnterprise ? [.. ownClouds.Select(c => c.Id)] : [], myCloudsOnly, query.CloudId);

        var (rows, total) = await RunAsync(connection, plan, page, ct);
        if (rows.Count == 0 && page > 1)
        {
            // Past the last page: show the last page rather than nothing.
            var lastPage = Math.Max(1, (total + PageSize - 1) / PageSize);
            if (lastPage < page)
            {
                notices.Add($"There are only {lastPage} pages; showing the last one.");
                page = lastPage;
                (rows, total) = await RunAsync(connection, plan, page, ct);
            }
        }

        var panels = await LoadPanelsAsync(connection, actor, rows.Select(r => r.Id).ToList(), ct);
        var skillCandidates = new HashSet<string>(plan.SkillCandidates.Concat(skills), StringComparer.OrdinalIgnoreCase);
        var tiles = rows.Select(r =>
        {
            // Clients never see the masked label on a tile; only the names the rule shows them.
            var names = panels.TryGetValue(r.Id, out var panel) ? panel.CloudNames : [];
            var topSkills = r.Skills
                .OrderBy(s => skillCandidates.Contains(s) ? 0 : 1)
                .ThenBy(s => s, StringComparer.OrdinalIgnoreCase)
                .Take(TopSkillCount)
                .ToList();
            string? explanation = r.Boosted && names.Count > 0 ? "In your cloud: " + string.Join(", ", names) : null;
            return new SearchTile(r.Id, r.Kind, r.Handle, r.DisplayName, r.Title, topSkills, r.HourlyRate, r.Country, names, explanation);
        }).ToList();

        var pageCount = Math.Min(MaxPage, (total + PageSize - 1) / PageSize);
        return new SearchAnswer(SearchStatus.Ok, new SearchResults(tiles, total, page, pageCount, isEnterprise, ownClouds, notices), []);
    }

    private static async Task<(bool IsEnterprise, IReadOnlyList<SearchCloud> Clouds)> LoadOwnCloudsAsync(
        SqliteConnection connection, Actor actor, CancellationToken ct)
    {
        if (actor.Organizations.Count == 0)
        {
            return (false, []);
        }

        await using var command = connection.CreateCommand();
        var orgParams = AddList(command, "o", actor.Organizations.Keys.Select(k => (object)k));
        command.CommandText = $"""
            SELECT o.Id, c.Id, c.Name
            FROM Organizations o LEFT JOIN Clouds c ON c.OrganizationId = o.Id
            WHERE o.Id IN ({orgParams}) AND o.HasEnterpriseSubscription = 1
            ORDER BY c.Name, c.Id
            """;
        var clouds = new List<SearchCloud>();
        var enterprise = false;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            enterprise = true;
            if (!await reader.IsDBNullAsync(1, ct))
            {
                clouds.Add(new SearchCloud(reader.GetInt32(1), reader.GetString(2)));
            }
        }

        return (enterprise, clouds);
    }

    private sealed record SearchPlan(
        IReadOnlyList<string> Terms,
        IReadOnlyList<string> SkillCandidates,
        IReadOnlyList<string> RequiredSkills,
        string? Country,
        int? MinRate,
        int? MaxRate,
        ProfileKind? Kind,
        IReadOnlyList<int> BoostCloudIds,
        bool MyCloudsOnly,
        int? CloudId);

    private sealed record Row(int Id, ProfileKind Kind, string Handle, string DisplayName, string Title, string Country,
        int HourlyRate, bool Boosted, IReadOnlyList<string> Skills);

    /// <summary>The FROM and WHERE of the ranked set, shared by the page query and the count.</summary>
    private static string BuildSource(SqliteCommand command, SearchPlan plan, out string idColumn)
    {
        var sql = new StringBuilder();
        var where = new List<string>();
        var needsProfileRow = plan.Country is not null || plan.MinRate is not null || plan.MaxRate is not null || plan.Kind is not null;
        if (plan.Terms.Count > 0)
        {
            // The hits CTE (see WithClause) reads the index once.
            idColumn = "h.Id";
            sql.Append("FROM hits h");
            if (needsProfileRow)
            {
                sql.Append(" JOIN Profiles p ON p.Id = h.Id");
            }

            command.Parameters.AddWithValue("$match", FtsQuery.ToMatch(plan.Terms));
        }
        else
        {
            idColumn = "p.Id";
            sql.Append("FROM Profiles p");
        }

        // Over text matches, set filters are checked per match ("+" keeps SQLite from turning each of the set's ids
        // into a separate full-text lookup); over all profiles the set drives the primary-key lookups.
        var member = plan.Terms.Count > 0 ? "+" + idColumn : idColumn;
        if (plan.Kind is { } kind)
        {
            where.Add("p.Kind = $kind");
            command.Parameters.AddWithValue("$kind", (int)kind);
        }

        if (plan.Country is not null)
        {
            where.Add("p.Country = $country");
            command.Parameters.AddWithValue("$country", plan.Country);
        }

        if (plan.MinRate is not null)
        {
            where.Add("p.HourlyRate >= $minRate");
            command.Parameters.AddWithValue("$minRate", plan.MinRate);
        }

        if (plan.MaxRate is not null)
        {
            where.Add("p.HourlyRate <= $maxRate");
            command.Parameters.AddWithValue("$maxRate", plan.MaxRate);
        }

        for (var i = 0; i < plan.RequiredSkills.Count; i++)
        {
            where.Add($"{member} IN (SELECT s.ProfileId FROM ProfileSkills s WHERE s.Name = $skill{i})");
            command.Parameters.AddWithValue($"$skill{i}", plan.RequiredSkills[i]);
        }

        if (plan.MyCloudsOnly)
        {
            where.Add($"{member} IN boosted");
        }

        if (plan.CloudId is { } cloudId)
        {
            where.Add($"{member} IN ({ActiveMembersSql(command, "cloud", [cloudId])})");
        }

        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        return sql.ToString();
    }

    /// <summary>The text matches (when there is text) and the members of the searcher's clouds, as sets the candidate query reads.</summary>
    private static string WithClause(SqliteCommand command, SearchPlan plan)
    {
        var hits = plan.Terms.Count > 0
            ? "hits AS (SELECT rowid AS Id FROM ProfileSearch WHERE ProfileSearch MATCH $match), "
            : "";
        return plan.BoostCloudIds.Count == 0
            ? hits + "boosted(ProfileId) AS (SELECT NULL WHERE 0)"
            : hits + $"boosted AS MATERIALIZED ({ActiveMembersSql(command, "c", plan.BoostCloudIds)})";
    }

    /// <summary>The ids of the Active members of the given clouds (read from a covering index).</summary>
    private static string ActiveMembersSql(SqliteCommand command, string prefix, IEnumerable<int> cloudIds) =>
        $"SELECT m.ProfileId FROM CloudMemberships m WHERE m.CloudId IN ({AddList(command, prefix, cloudIds.Select(i => (object)i))}) AND m.Status = {(int)MembershipStatus.Active}";

    /// <summary>A candidate's place in the ranking; text rank is filled in only for the groups the page needs.</summary>
    private record struct Ranked(int Id, bool Boosted, int SkillsMatched, double TextRank);

    private static readonly Comparer<Ranked> RankOrder = Comparer<Ranked>.Create(static (a, b) =>
    {
        var c = b.Boosted.CompareTo(a.Boosted);
        if (c == 0) c = b.SkillsMatched.CompareTo(a.SkillsMatched);
        if (c == 0) c = a.TextRank.CompareTo(b.TextRank);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    });

    /// <summary>
    /// Ranks in four set reads instead of per-row probes: the filtered matches (the FTS doclist, joined to profiles
    /// only when a filter needs the row), the members of the searcher's clouds, and the holders of each candidate
    /// skill (a covering index on skill name) are read as id sets and grouped in memory by (boosted, skills matched).
    /// bm25 costs about a microsecond per row, so it is run only for the matches in the groups the requested page
    /// falls into — for a hiring manager's first page usually just their cloud members.
    /// </summary>
    private static async Task<(List<Row> Rows, int Total)> RunAsync(SqliteConnection connection, SearchPlan plan, int page, CancellationToken ct)
    {
        var candidates = new List<int>();
        await using (var command = connection.CreateCommand())
        {
            var with = WithClause(command, plan);
            var source = BuildSource(command, plan, out var id);
            command.CommandText = $"WITH {with} SELECT {id} {source}";
            await ReadIdsAsync(command, candidates, ct);
        }

        var boostedIds = new HashSet<int>();
        if (plan.BoostCloudIds.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ActiveMembersSql(command, "c", plan.BoostCloudIds);
            await ReadIdsAsync(command, boostedIds, ct);
        }

        var skillsMatched = new Dictionary<int, int>();
        if (plan.SkillCandidates.Count > 0 && candidates.Count > 0)
        {
            await using var command = connection.CreateCommand();
            var names = AddList(command, "k", plan.SkillCandidates);
            command.CommandText = $"SELECT s.ProfileId FROM ProfileSkills s WHERE s.Name IN ({names})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var profileId = reader.GetInt32(0);
                skillsMatched[profileId] = skillsMatched.GetValueOrDefault(profileId) + 1;
            }
        }

        var ranked = new List<Ranked>(candidates.Count);
        foreach (var candidate in candidates)
        {
            ranked.Add(new Ranked(candidate, boostedIds.Contains(candidate), skillsMatched.GetValueOrDefault(candidate), 0));
        }

        var total = ranked.Count;
        var skip = (page - 1) * PageSize;
        if (skip >= total)
        {
            return ([], total);
        }

        // The (boosted, skills matched) groups in rank order with their sizes; the page needs the groups that
        // overlap [skip, skip + PageSize).
        var groups = ranked.CountBy(r => (r.Boosted, r.SkillsMatched))
            .OrderByDescending(g => g.Key.Boosted).ThenByDescending(g => g.Key.SkillsMatched)
            .ToList();
        var before = 0;
        var wantedGroups = new HashSet<(bool, int)>();
        var skippedBeforeWanted = 0;
        foreach (var group in groups)
        {
            var after = before + group.Value;
            if (after > skip && before < skip + PageSize)
            {
                if (wantedGroups.Count == 0)
                {
                    skippedBeforeWanted = before;
                }

                wantedGroups.Add(group.Key);
            }

            before = after;
        }

        var wanted = ranked.Where(r => wantedGroups.Contains((r.Boosted, r.SkillsMatched))).ToList();
        if (plan.Terms.Count > 0)
        {
            var textRanks = await TextRanksAsync(connection, plan, wanted, ct);
            for (var i = 0; i < wanted.Count; i++)
            {
                wanted[i] = wanted[i] with { TextRank = textRanks.GetValueOrDefault(wanted[i].Id) };
            }
        }

        var slice = Slice(wanted, skip - skippedBeforeWanted, PageSize);
        return (await LoadRowsAsync(connection, slice, ct), total);
    }

    /// <summary>The items at [offset, offset + take) in rank order, keeping only the best offset + take in a heap.</summary>
    private static List<Ranked> Slice(List<Ranked> items, int offset, int take)
    {
        var need = offset + take;
        List<Ranked> best;
        if (need >= items.Count)
        {
            best = items;
        }
        else
        {
            // A max-heap of the best `need` items seen so far: its top is the worst of them.
            var heap = new PriorityQueue<Ranked, Ranked>(need + 1, Comparer<Ranked>.Create(static (a, b) => RankOrder.Compare(b, a)));
            foreach (var item in items)
            {
                if (heap.Count < need)
                {
                    heap.Enqueue(item, item);
                }
                else if (RankOrder.Compare(item, heap.Peek()) < 0)
                {
                    heap.DequeueEnqueue(item, item);
                }
            }

            best = [.. heap.UnorderedItems.Select(x => x.Element)];
        }

        best.Sort(RankOrder);
        return [.. best.Skip(offset).Take(take)];
    }

    /// <summary>bm25 for the given matches only: the doclist is walked once and scored where the id is wanted.</summary>
    private static async Task<Dictionary<int, double>> TextRanksAsync(SqliteConnection connection, SearchPlan plan, List<Ranked> wanted, CancellationToken ct)
    {
        var ranks = new Dictionary<int, double>(wanted.Count);
        if (wanted.Count == 0)
        {
            return ranks;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT rowid, bm25(ProfileSearch, 4.0, 3.0, 3.0, 1.0) FROM ProfileSearch
            WHERE ProfileSearch MATCH $match AND +rowid IN (SELECT value FROM json_each($ids))
            """;
        command.Parameters.AddWithValue("$match", FtsQuery.ToMatch(plan.Terms));
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', wanted.Select(w => w.Id.ToString(CultureInfo.InvariantCulture))) + "]");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ranks[reader.GetInt32(0)] = reader.GetDouble(1);
        }

        return ranks;
    }

    private static async Task<List<Row>> LoadRowsAsync(SqliteConnection connection, List<Ranked> slice, CancellationToken ct)
    {
        if (slice.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        var ids = AddList(command, "p", slice.Select(r => (object)r.Id));
        command.CommandText = $"""
            SELECT p.Id, p.Kind, p.Handle, p.DisplayName, p.Title, p.Country, p.HourlyRate,
                   (SELECT group_concat(s.Name, char(31)) FROM ProfileSkills s WHERE s.ProfileId = p.Id)
            FROM Profiles p WHERE p.Id IN ({ids})
            """;
        var byId = new Dictionary<int, Row>(slice.Count);
        var boosted = slice.ToDictionary(r => r.Id, r => r.Boosted);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt32(0);
            var skills = await reader.IsDBNullAsync(7, ct) ? [] : reader.GetString(7).Split(Separator);
            byId[id] = new Row(id, (ProfileKind)reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt32(6), boosted[id], skills);
        }

        return [.. slice.Where(r => byId.ContainsKey(r.Id)).Select(r => byId[r.Id])];
    }

    private static async Task ReadIdsAsync(SqliteCommand command, ICollection<int> into, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            into.Add(reader.GetInt32(0));
        }
    }

    /// <summary>
    /// The cloud names each tile may show, decided by <see cref="MembershipVisibility"/>. For org people only their
    /// own organisations' memberships are read at all, so other organisations' clouds never leave the database.
    /// </summary>
    private static async Task<Dictionary<int, MembershipPanel>> LoadPanelsAsync(SqliteConnection connection, Actor actor, List<int> profileIds, CancellationToken ct)
    {
        var panels = new Dictionary<int, MembershipPanel>();
        if (profileIds.Count == 0 || (!actor.IsPlatformAdmin && actor.Organizations.Count == 0))
        {
            return panels;
        }

        await using var command = connection.CreateCommand();
        var ids = AddList(command, "p", profileIds.Select(i => (object)i));
        var orgFilter = actor.IsPlatformAdmin ? "" : $" AND c.OrganizationId IN ({AddList(command, "o", actor.Organizations.Keys.Select(k => (object)k))})";
        command.CommandText = $"""
            SELECT m.ProfileId, c.OrganizationId, m.Status, c.Name
            FROM CloudMemberships m JOIN Clouds c ON c.Id = m.CloudId
            WHERE m.ProfileId IN ({ids}) AND m.Status = {(int)MembershipStatus.Active}{orgFilter}
            """;
        var rows = new List<(MembershipFacts Facts, string Name)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((new MembershipFacts(reader.GetInt32(0), reader.GetInt32(1), (MembershipStatus)reader.GetInt32(2)), reader.GetString(3)));
            }
        }

        foreach (var group in rows.GroupBy(r => r.Facts.ProfileId))
        {
            panels[group.Key] = MembershipVisibility.Compose(actor, group);
        }

        return panels;
    }

    private static string AddList(SqliteCommand command, string prefix, IEnumerable<object> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"${prefix}{names.Count}";
            command.Parameters.AddWithValue(name, value);
            names.Add(name);
        }

        return string.Join(", ", names);
    }
}
