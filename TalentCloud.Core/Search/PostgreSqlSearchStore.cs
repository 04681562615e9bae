using System.Data.Common;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Core.Search;

/// <summary>
/// Talent search on PostgreSQL over <c>Profiles."SearchVector"</c> (a weighted <c>tsvector</c> with a GIN index, kept by
/// the triggers of the PostgreSQL TalentSearch migration). Each word the user typed is one <c>phraseto_tsquery</c> of
/// the <c>talentcloud</c> configuration, all of them required: the text is bound as a parameter and read as plain words,
/// so no query syntax can be injected. Rank is <c>ts_rank</c> with weights name 1, title and skills 0.75, bio 0.25 (the
/// same 4 : 3 : 3 : 1 as SQLite's bm25), negated so that lower is better as with bm25.
/// </summary>
internal sealed class PostgreSqlSearchStore(DbConnection connection) : SearchStore(connection)
{
    private const string Weights = "'{0.25, 0.5, 0.75, 1.0}'";

    private NpgsqlCommand NewCommand(string sql = "") => new(sql, (NpgsqlConnection)Connection);

    public override async Task<(bool IsEnterprise, IReadOnlyList<SearchCloud> Clouds)> OwnCloudsAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Organizations.Count == 0)
        {
            return (false, []);
        }

        // Byte order, as SQLite's BINARY collation sorts the names.
        await using var command = NewCommand("""
            SELECT o."Id", c."Id", c."Name"
            FROM "Organizations" o LEFT JOIN "Clouds" c ON c."OrganizationId" = o."Id"
            WHERE o."Id" = ANY(@orgs) AND o."HasEnterpriseSubscription"
            ORDER BY c."Name" COLLATE "C", c."Id"
            """);
        command.Parameters.AddWithValue("orgs", actor.Organizations.Keys.ToArray());
        return await ReadOwnCloudsAsync(command, ct);
    }

    public override async Task<List<int>> CandidatesAsync(SearchPlan plan, CancellationToken ct)
    {
        await using var command = NewCommand();
        var where = new List<string>();
        if (plan.Terms.Count > 0)
        {
            where.Add($"p.\"SearchVector\" @@ {Query(command, plan)}");
        }

        if (plan.Kind is { } kind)
        {
            where.Add("p.\"Kind\" = @kind");
            command.Parameters.AddWithValue("kind", (int)kind);
        }

        if (plan.Country is not null)
        {
            where.Add("p.\"Country\" = @country");
            command.Parameters.AddWithValue("country", plan.Country);
        }

        if (plan.MinRate is not null)
        {
            where.Add("p.\"HourlyRate\" >= @minRate");
            command.Parameters.AddWithValue("minRate", plan.MinRate.Value);
        }

        if (plan.MaxRate is not null)
        {
            where.Add("p.\"HourlyRate\" <= @maxRate");
            command.Parameters.AddWithValue("maxRate", plan.MaxRate.Value);
        }

        for (var i = 0; i < plan.RequiredSkills.Count; i++)
        {
            where.Add($"p.\"Id\" IN (SELECT s.\"ProfileId\" FROM \"ProfileSkills\" s WHERE s.\"Name\" = CAST(@skill{i} AS citext))");
            command.Parameters.AddWithValue($"skill{i}", plan.RequiredSkills[i]);
        }

        if (plan.MyCloudsOnly)
        {
            where.Add($"p.\"Id\" IN ({ActiveMembersSql("boost")})");
            command.Parameters.AddWithValue("boost", plan.BoostCloudIds.ToArray());
        }

        if (plan.CloudId is { } cloudId)
        {
            where.Add($"p.\"Id\" IN ({ActiveMembersSql("cloud")})");
            command.Parameters.AddWithValue("cloud", new[] { cloudId });
        }

        var sql = new StringBuilder("SELECT p.\"Id\" FROM \"Profiles\" p");
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        command.CommandText = sql.ToString();
        return await ReadIdsAsync(command, ct);
    }

    public override async Task<HashSet<int>> ActiveMembersAsync(IReadOnlyList<int> cloudIds, CancellationToken ct)
    {
        await using var command = NewCommand(ActiveMembersSql("clouds"));
        command.Parameters.AddWithValue("clouds", cloudIds.ToArray());
        return [.. await ReadIdsAsync(command, ct)];
    }

    public override async Task<Dictionary<int, int>> SkillsHeldAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        await using var command = NewCommand("""SELECT s."ProfileId" FROM "ProfileSkills" s WHERE s."Name" = ANY(CAST(@names AS citext[]))""");
        command.Parameters.AddWithValue("names", names.ToArray());
        return await CountByIdAsync(command, ct);
    }

    public override async Task<Dictionary<int, double>> TextRanksAsync(SearchPlan plan, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        await using var command = NewCommand();
        command.CommandText = $"""
            SELECT p."Id", -ts_rank({Weights}, p."SearchVector", {Query(command, plan)})
            FROM "Profiles" p WHERE p."Id" = ANY(@ids)
            """;
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return await RanksAsync(command, ct);
    }

    public override async Task<List<SearchRow>> RowsAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        await using var command = NewCommand("""
            SELECT p."Id", p."Kind", p."Handle", p."DisplayName", p."Title", p."Country", p."HourlyRate",
                   (SELECT string_agg(s."Name"::text, chr(31)) FROM "ProfileSkills" s WHERE s."ProfileId" = p."Id")
            FROM "Profiles" p WHERE p."Id" = ANY(@ids)
            """);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return await ReadRowsAsync(command, ct);
    }

    public override async Task<List<(MembershipFacts Facts, string CloudName)>> VisibleMembershipsAsync(Actor actor, IReadOnlyCollection<int> profileIds,
        CancellationToken ct)
    {
        await using var command = NewCommand($"""
            SELECT m."ProfileId", c."OrganizationId", m."Status", c."Name"
            FROM "CloudMemberships" m JOIN "Clouds" c ON c."Id" = m."CloudId"
            WHERE m."ProfileId" = ANY(@ids) AND m."Status" = {(int)MembershipStatus.Active}
            {(actor.IsPlatformAdmin ? "" : "AND c.\"OrganizationId\" = ANY(@orgs)")}
            """);
        command.Parameters.AddWithValue("ids", profileIds.ToArray());
        command.Parameters.AddWithValue("orgs", actor.Organizations.Keys.ToArray());
        return await ReadMembershipsAsync(command, ct);
    }

    /// <summary>All terms required, each a phrase of plain words (bound parameters: nothing the user typed is syntax).</summary>
    private static string Query(NpgsqlCommand command, SearchPlan plan)
    {
        var parts = new List<string>(plan.Terms.Count);
        for (var i = 0; i < plan.Terms.Count; i++)
        {
            var name = $"term{i}";
            if (!command.Parameters.Contains(name))
            {
                command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = plan.Terms[i] });
            }

            parts.Add($"phraseto_tsquery('talentcloud', @{name})");
        }

        return "(" + string.Join(" && ", parts) + ")";
    }

    /// <summary>The ids of the Active members of the clouds in the array parameter <paramref name="parameter"/>.</summary>
    private static string ActiveMembersSql(string parameter) =>
        $"SELECT m.\"ProfileId\" FROM \"CloudMemberships\" m WHERE m.\"CloudId\" = ANY(@{parameter}) AND m.\"Status\" = {(int)MembershipStatus.Active}";
}
