using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Visibility;

namespace TalentCloud.Core.Search;

/// <summary>One profile of the page, as a tile needs it.</summary>
internal sealed record SearchRow(int Id, ProfileKind Kind, string Handle, string DisplayName, string Title, string Country,
    int HourlyRate, IReadOnlyList<string> Skills);

/// <summary>
/// The SQL of talent search, one implementation per database: only ids leave the database until the page is known,
/// then only that page's profiles and the memberships the searcher may see. Text matching and its rank are the
/// database's own (SQLite FTS5 with bm25, PostgreSQL <c>tsvector</c> with <c>ts_rank</c>); everything else is the same.
/// </summary>
internal abstract class SearchStore(DbConnection connection)
{
    protected DbConnection Connection { get; } = connection;

    /// <summary>The store for the context's database, on its (opened) connection.</summary>
    public static SearchStore For(AppDbContext db) => db.Provider == DatabaseProvider.PostgreSql
        ? new PostgreSqlSearchStore(db.Database.GetDbConnection())
        : new SqliteSearchStore(db.Database.GetDbConnection());

    /// <summary>Whether the actor acts for an Enterprise organisation, and that organisation's clouds by name.</summary>
    public abstract Task<(bool IsEnterprise, IReadOnlyList<SearchCloud> Clouds)> OwnCloudsAsync(Actor actor, CancellationToken ct);

    /// <summary>The ids of every profile the plan matches (text and filters).</summary>
    public abstract Task<List<int>> CandidatesAsync(SearchPlan plan, CancellationToken ct);

    /// <summary>The ids of the Active members of the given clouds.</summary>
    public abstract Task<HashSet<int>> ActiveMembersAsync(IReadOnlyList<int> cloudIds, CancellationToken ct);

    /// <summary>How many of the given skill names each profile holds (only profiles holding one or more).</summary>
    public abstract Task<Dictionary<int, int>> SkillsHeldAsync(IReadOnlyList<string> names, CancellationToken ct);

    /// <summary>The text rank of each wanted match, lower is better.</summary>
    public abstract Task<Dictionary<int, double>> TextRanksAsync(SearchPlan plan, IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>The given profiles' tile fields.</summary>
    public abstract Task<List<SearchRow>> RowsAsync(IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>
    /// The Active memberships of the given profiles that the actor may know of at all: for a platform admin every
    /// cloud, for anyone else only clouds of their own organisations (other clouds never leave the database).
    /// </summary>
    public abstract Task<List<(MembershipFacts Facts, string CloudName)>> VisibleMembershipsAsync(Actor actor, IReadOnlyCollection<int> profileIds,
        CancellationToken ct);

    protected const char Separator = '\u001f';

    protected static async Task<List<int>> ReadIdsAsync(DbCommand command, CancellationToken ct)
    {
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    protected static async Task<Dictionary<int, int>> CountByIdAsync(DbCommand command, CancellationToken ct)
    {
        var counts = new Dictionary<int, int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt32(0);
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        return counts;
    }

    protected static async Task<Dictionary<int, double>> RanksAsync(DbCommand command, CancellationToken ct)
    {
        var ranks = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ranks[reader.GetInt32(0)] = reader.GetDouble(1);
        }

        return ranks;
    }

    /// <summary>Reads (Id, Kind, Handle, DisplayName, Title, Country, HourlyRate, skills joined by the separator).</summary>
    protected static async Task<List<SearchRow>> ReadRowsAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<SearchRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new SearchRow(reader.GetInt32(0), (ProfileKind)reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt32(6), await reader.IsDBNullAsync(7, ct) ? [] : reader.GetString(7).Split(Separator)));
        }

        return rows;
    }

    /// <summary>Reads (ProfileId, OrganizationId, Status, CloudName).</summary>
    protected static async Task<List<(MembershipFacts, string)>> ReadMembershipsAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<(MembershipFacts, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((new MembershipFacts(reader.GetInt32(0), reader.GetInt32(1), (Memberships.MembershipStatus)reader.GetInt32(2)), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>Reads (OrganizationId, CloudId or null, CloudName or null) rows of the actor's Enterprise organisations.</summary>
    protected static async Task<(bool, IReadOnlyList<SearchCloud>)> ReadOwnCloudsAsync(DbCommand command, CancellationToken ct)
    {
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
}
