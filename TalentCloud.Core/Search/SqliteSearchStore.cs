using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Core.Search;

/// <summary>
/// Talent search on SQLite over the FTS5 index <c>ProfileSearch</c> (built by the TalentSearch migration; rowid =
/// profile id): each word a literal phrase, bm25 with weights name 4, title 3, skills 3, bio 1.
/// </summary>
internal sealed class SqliteSearchStore(DbConnection connection) : SearchStore(connection)
{
    private SqliteCommand NewCommand() => ((SqliteConnection)Connection).CreateCommand();

    public override async Task<(bool IsEnterprise, IReadOnlyList<SearchCloud> Clouds)> OwnCloudsAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Organizations.Count == 0)
        {
            return (false, []);
        }

        await using var command = NewCommand();
        command.CommandText = $"""
            SELECT o.Id, c.Id, c.Name
            FROM Organizations o LEFT JOIN Clouds c ON c.OrganizationId = o.Id
            WHERE o.Id IN ({AddList(command, "o", actor.Organizations.Keys.Select(k => (object)k))}) AND o.HasEnterpriseSubscription = 1
            ORDER BY c.Name, c.Id
            """;
        return await ReadOwnCloudsAsync(command, ct);
    }

    public override async Task<List<int>> CandidatesAsync(SearchPlan plan, CancellationToken ct)
    {
        await using var command = NewCommand();
        var sql = new StringBuilder("WITH ");
        string id;
        if (plan.Terms.Count > 0)
        {
            // The hits CTE reads the index once.
            sql.Append("hits AS (SELECT rowid AS Id FROM ProfileSearch WHERE ProfileSearch MATCH $match), ");
            command.Parameters.AddWithValue("$match", FtsQuery.ToMatch(plan.Terms));
            id = "h.Id";
        }
        else
        {
            id = "p.Id";
        }

        sql.Append(plan.BoostCloudIds.Count == 0
            ? "boosted(ProfileId) AS (SELECT NULL WHERE 0)"
            : $"boosted AS MATERIALIZED ({ActiveMembersSql(command, "c", plan.BoostCloudIds)})");
        sql.Append(CultureInfo.InvariantCulture, $" SELECT {id} ");
        sql.Append(plan.Terms.Count > 0 ? "FROM hits h" + (plan.NeedsProfileRow ? " JOIN Profiles p ON p.Id = h.Id" : "") : "FROM Profiles p");

        // Over text matches, set filters are checked per match ("+" keeps SQLite from turning each of the set's ids
        // into a separate full-text lookup); over all profiles the set drives the primary-key lookups.
        var member = plan.Terms.Count > 0 ? "+" + id : id;
        var where = new List<string>();
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

        command.CommandText = sql.ToString();
        return await ReadIdsAsync(command, ct);
    }

    public override async Task<HashSet<int>> ActiveMembersAsync(IReadOnlyList<int> cloudIds, CancellationToken ct)
    {
        await using var command = NewCommand();
        command.CommandText = ActiveMembersSql(command, "c", cloudIds);
        return [.. await ReadIdsAsync(command, ct)];
    }

    public override async Task<Dictionary<int, int>> SkillsHeldAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        await using var command = NewCommand();
        command.CommandText = $"SELECT s.ProfileId FROM ProfileSkills s WHERE s.Name IN ({AddList(command, "k", names)})";
        return await CountByIdAsync(command, ct);
    }

    /// <summary>bm25 for the given matches only: the doclist is walked once and scored where the id is wanted.</summary>
    public override async Task<Dictionary<int, double>> TextRanksAsync(SearchPlan plan, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        await using var command = NewCommand();
        command.CommandText = """
            SELECT rowid, bm25(ProfileSearch, 4.0, 3.0, 3.0, 1.0) FROM ProfileSearch
            WHERE ProfileSearch MATCH $match AND +rowid IN (SELECT value FROM json_each($ids))
            """;
        command.Parameters.AddWithValue("$match", FtsQuery.ToMatch(plan.Terms));
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]");
        return await RanksAsync(command, ct);
    }

    public override async Task<List<SearchRow>> RowsAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        await using var command = NewCommand();
        command.CommandText = $"""
            SELECT p.Id, p.Kind, p.Handle, p.DisplayName, p.Title, p.Country, p.HourlyRate,
                   (SELECT group_concat(s.Name, char(31)) FROM ProfileSkills s WHERE s.ProfileId = p.Id)
            FROM Profiles p WHERE p.Id IN ({AddList(command, "p", ids.Select(i => (object)i))})
            """;
        return await ReadRowsAsync(command, ct);
    }

    public override async Task<List<(MembershipFacts Facts, string CloudName)>> VisibleMembershipsAsync(Actor actor, IReadOnlyCollection<int> profileIds,
        CancellationToken ct)
    {
        await using var command = NewCommand();
        var ids = AddList(command, "p", profileIds.Select(i => (object)i));
        var orgFilter = actor.IsPlatformAdmin ? "" : $" AND c.OrganizationId IN ({AddList(command, "o", actor.Organizations.Keys.Select(k => (object)k))})";
        command.CommandText = $"""
            SELECT m.ProfileId, c.OrganizationId, m.Status, c.Name
            FROM CloudMemberships m JOIN Clouds c ON c.Id = m.CloudId
            WHERE m.ProfileId IN ({ids}) AND m.Status = {(int)MembershipStatus.Active}{orgFilter}
            """;
        return await ReadMembershipsAsync(command, ct);
    }

    /// <summary>The ids of the Active members of the given clouds (read from a covering index).</summary>
    private static string ActiveMembersSql(SqliteCommand command, string prefix, IEnumerable<int> cloudIds) =>
        $"SELECT m.ProfileId FROM CloudMemberships m WHERE m.CloudId IN ({AddList(command, prefix, cloudIds.Select(i => (object)i))}) AND m.Status = {(int)MembershipStatus.Active}";

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
