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
/// Talent search for client organisations. Ranking happens inside one SQL statement over the FTS5 index
/// (<c>ProfileSearch</c>, built by the TalentSearch migration) with LIMIT/OFFSET, so only one page of rows ever
/// leaves the database: Active members of the searcher's Enterprise clouds first, then skills matched, then text
/// rank (bm25), then profile id as a stable tie-break.
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

        var text = query.Text?.Trim() ?? "";
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

        var skills = query.Skills.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
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
            total = await CountAsync(connection, plan, ct);
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
            if (!reader.IsDBNull(1))
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
            // The hits CTE (see BoostedCte) reads the index once.
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
            where.Add($"{idColumn} IN (SELECT s.ProfileId FROM ProfileSkills s WHERE s.Name = $skill{i})");
            command.Parameters.AddWithValue($"$skill{i}", plan.RequiredSkills[i]);
        }

        if (plan.MyCloudsOnly)
        {
            where.Add($"{idColumn} IN boosted");
        }

        if (plan.CloudId is { } cloudId)
        {
            where.Add($"{idColumn} IN (SELECT m.ProfileId FROM CloudMemberships m WHERE m.CloudId = $cloud AND m.Status = {(int)MembershipStatus.Active})");
            command.Parameters.AddWithValue("$cloud", cloudId);
        }

        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        return sql.ToString();
    }

    /// <summary>The text matches (when there is text) and the members of the searcher's clouds, as sets the ranked query reads.</summary>
    private static string BoostedCte(SqliteCommand command, SearchPlan plan)
    {
        var hits = plan.Terms.Count > 0
            ? "hits AS MATERIALIZED (SELECT rowid AS Id FROM ProfileSearch WHERE ProfileSearch MATCH $match), "
            : "";
        if (plan.BoostCloudIds.Count == 0)
        {
            return hits + "boosted(ProfileId) AS (SELECT NULL WHERE 0)";
        }

        var ids = AddList(command, "c", plan.BoostCloudIds.Select(i => (object)i));
        return hits + $"boosted AS MATERIALIZED (SELECT m.ProfileId FROM CloudMemberships m WHERE m.CloudId IN ({ids}) AND m.Status = {(int)MembershipStatus.Active})";
    }

    private static async Task<(List<Row> Rows, int Total)> RunAsync(SqliteConnection connection, SearchPlan plan, int page, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        var boosted = BoostedCte(command, plan);
        var source = BuildSource(command, plan, out var id);
        var skillsMatched = "0";
        if (plan.SkillCandidates.Count > 0)
        {
            var candidates = AddList(command, "k", plan.SkillCandidates);
            skillsMatched = $"(SELECT count(*) FROM ProfileSkills s WHERE s.ProfileId = {id} AND s.Name IN ({candidates}))";
        }

        command.Parameters.AddWithValue("$take", PageSize);
        command.Parameters.AddWithValue("$skip", (page - 1) * PageSize);
        // Text rank (bm25) costs about a microsecond per row, so it is computed only for the matches in the
        // (boosted, skills matched) groups that the requested page falls into: "cheap" holds every match with
        // its group, "tiers" counts each group, "scored" runs bm25 for the wanted groups only.
        var ranked = plan.Terms.Count == 0
            ? $"""
                ranked AS MATERIALIZED (
                    SELECT c.Id, c.Boosted, c.SkillsMatched, 0.0 AS TextRank FROM cheap c
                    ORDER BY c.Boosted DESC, c.SkillsMatched DESC, c.Id
                    LIMIT $take OFFSET $skip)
                """
            : """
                wanted AS MATERIALIZED (
                    SELECT Boosted, SkillsMatched FROM tiers WHERE Upto > $skip AND Upto - N < $skip + $take),
                scored AS MATERIALIZED (
                    SELECT rowid AS Id, bm25(ProfileSearch, 4.0, 3.0, 3.0, 1.0) AS TextRank FROM ProfileSearch
                    WHERE ProfileSearch MATCH $match
                      AND +rowid IN (SELECT c.Id FROM cheap c JOIN wanted w ON w.Boosted = c.Boosted AND w.SkillsMatched = c.SkillsMatched)),
                ranked AS MATERIALIZED (
                    SELECT c.Id, c.Boosted, c.SkillsMatched, s.TextRank FROM cheap c JOIN scored s ON s.Id = c.Id
                    ORDER BY c.Boosted DESC, c.SkillsMatched DESC, s.TextRank, c.Id
                    LIMIT $take OFFSET $skip - (SELECT coalesce(sum(N), 0) FROM tiers WHERE Upto <= $skip))
                """;
        command.CommandText = $"""
            WITH {boosted},
            cheap AS MATERIALIZED (
                SELECT {id} AS Id, ({id} IN boosted) AS Boosted, {skillsMatched} AS SkillsMatched
                {source}),
            tiers AS MATERIALIZED (
                SELECT Boosted, SkillsMatched, count(*) AS N,
                       sum(count(*)) OVER (ORDER BY Boosted DESC, SkillsMatched DESC ROWS UNBOUNDED PRECEDING) AS Upto
                FROM cheap GROUP BY Boosted, SkillsMatched),
            {ranked}
            SELECT r.Id, p.Kind, p.Handle, p.DisplayName, p.Title, p.Country, p.HourlyRate, r.Boosted,
                   (SELECT sum(N) FROM tiers) AS Total,
                   (SELECT group_concat(s.Name, char(31)) FROM ProfileSkills s WHERE s.ProfileId = r.Id)
            FROM ranked r JOIN Profiles p ON p.Id = r.Id
            ORDER BY r.Boosted DESC, r.SkillsMatched DESC, r.TextRank, r.Id
            """;
        var rows = new List<Row>(PageSize);
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            total = reader.GetInt32(8);
            var skills = reader.IsDBNull(9) ? [] : reader.GetString(9).Split(Separator);
            rows.Add(new Row(reader.GetInt32(0), (ProfileKind)reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetBoolean(7), skills));
        }

        return (rows, total);
    }

    private static async Task<int> CountAsync(SqliteConnection connection, SearchPlan plan, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        var boosted = BoostedCte(command, plan);
        var source = BuildSource(command, plan, out _);
        command.CommandText = $"WITH {boosted} SELECT count(*) {source}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
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
