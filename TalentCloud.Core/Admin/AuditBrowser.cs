using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Admin;

public sealed record AuditQuery(
    string? Action = null,
    string? Actor = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null,
    int Page = 1,
    int PageSize = 25);

public sealed record AuditRow(long Id, DateTimeOffset At, string ActorName, string Action, string Subject, string Outcome);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Total, int Page, int PageSize, IReadOnlyList<string> Actions)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Why the filters cannot match anything (an end before the start), to show beside them; null when they can.</summary>
    public string? FilterProblem { get; init; }
}

/// <summary>Read-only browsing of the audit log for platform admins: newest first, filtered and paged.</summary>
public sealed class AuditBrowser(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 100;
    public const int FilterMaxLength = 200;
    public const string EndBeforeStart = "The end date is before the start date, so no entry can match.";

    /// <summary>One page of entries, or null for anyone but a platform admin. <see cref="AuditQuery.To"/> is exclusive.</summary>
    public async Task<AuditPage?> SearchAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (Clean(query.Action) is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (Clean(query.Actor) is { } actorName)
        {
            var pattern = TextMatch.ContainsPattern(actorName);
            entries = entries.Where(e => EF.Functions.Like(TextMatch.Lower(e.ActorName), pattern, TextMatch.Escape));
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (Clean(query.Text) is { } text)
        {
            var pattern = TextMatch.ContainsPattern(text);
            entries = entries.Where(e => EF.Functions.Like(TextMatch.Lower(e.Subject), pattern, TextMatch.Escape)
                || EF.Functions.Like(TextMatch.Lower(e.Outcome), pattern, TextMatch.Escape)
                || EF.Functions.Like(TextMatch.Lower(e.Action), pattern, TextMatch.Escape));
        }

        var total = await entries.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.At, e.ActorName, e.Action, e.Subject, e.Outcome))
            .ToListAsync(ct);
        var actions = await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return new AuditPage(items, total, page, pageSize, actions)
        {
            FilterProblem = query.From is { } start && query.To is { } end && end <= start ? EndBeforeStart : null,
        };
    }

    private static string? Clean(string? value)
    {
        // Cleaned as every typed text is: no stored entry holds a control character, and PostgreSQL refuses a NUL in a parameter.
        var trimmed = UserText.Line(value);
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.Length > FilterMaxLength ? trimmed[..FilterMaxLength] : trimmed;
    }
}
