using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Common;

/// <summary>
/// Actions that reach other people and are limited per acting user. To limit a new kind of action: add a member here,
/// its default in <see cref="ActionLimits.Defaults"/> and its words in <see cref="ActionLimiter"/>'s message, then call
/// <see cref="ActionLimiter.TryCountAsync"/> inside the action's transaction (a test checks every member has both).
/// </summary>
public enum LimitedAction
{
    StartConversation = 1,
    CloudInvitation = 2,
    Offer = 3,
    Proposal = 4,
}

/// <summary>At most <paramref name="Count"/> actions in any <paramref name="Window"/>.</summary>
public sealed record ActionLimit(int Count, TimeSpan Window);

/// <summary>The per-user limits, from the <c>ActionLimits</c> configuration section (defaults below).</summary>
public sealed class ActionLimits
{
    public static readonly IReadOnlyDictionary<LimitedAction, ActionLimit> Defaults = new Dictionary<LimitedAction, ActionLimit>
    {
        [LimitedAction.StartConversation] = new(30, TimeSpan.FromHours(1)),
        [LimitedAction.CloudInvitation] = new(60, TimeSpan.FromHours(1)),
        [LimitedAction.Offer] = new(20, TimeSpan.FromHours(1)),
        [LimitedAction.Proposal] = new(20, TimeSpan.FromHours(1)),
    };

    public static readonly ActionLimits Default = new(Defaults);

    private readonly Dictionary<LimitedAction, ActionLimit> limits;

    public ActionLimits(IReadOnlyDictionary<LimitedAction, ActionLimit> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        this.limits = Enum.GetValues<LimitedAction>().ToDictionary(a => a, a => limits.GetValueOrDefault(a) ?? DefaultFor(a));
    }

    /// <summary>The production limit for <paramref name="action"/>.</summary>
    public static ActionLimit DefaultFor(LimitedAction action) =>
        Defaults.TryGetValue(action, out var limit) ? limit : throw new InvalidOperationException($"No default limit is set for {action}.");

    public ActionLimit For(LimitedAction action) => limits[action];

    /// <summary>The same limits with every count multiplied (benchmarks and load tests that act far faster than people).</summary>
    public ActionLimits Scaled(int factor) =>
        new(limits.ToDictionary(l => l.Key, l => l.Value with { Count = checked(l.Value.Count * factor) }));
}

/// <summary>One counted action (rows older than their limit's window are pruned as new ones are counted).</summary>
public sealed class ActionLimitEvent
{
    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public LimitedAction Action { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal static ActionLimitEvent Create(string userId, LimitedAction action, DateTimeOffset at) =>
        new() { UserId = userId, Action = action, At = at };
}

/// <summary>
/// The per-user limit for actions that reach other people. Call <see cref="TryCountAsync"/> inside the action's write
/// transaction, before its changes: it counts the user's recent actions of that kind and records this one in the same
/// unit of work, so a refused or rolled-back action is not counted and a parallel burst cannot slip past (SQLite
/// serialises write transactions; on PostgreSQL a named lock per user and action is held first).
/// </summary>
public static class ActionLimiter
{
    /// <summary>Null when the action may go ahead (and is counted), otherwise the message to show.</summary>
    public static async Task<string?> TryCountAsync(AppDbContext db, string userId, LimitedAction action, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An action limit is counted inside the action's transaction.");
        }

        // Serialises this user's actions of this kind until commit (SQLite's write lock already does): a named lock rather
        // than the user's row, so writes that merely reference the user (foreign keys take a share lock) never wait on it.
        await DatabaseLocks.HoldAsync(db, string.Create(CultureInfo.InvariantCulture, $"limit:{action}:{userId}"), ct);

        var limit = db.Settings.ActionLimits.For(action);
        var since = now - limit.Window;
        await db.Set<ActionLimitEvent>().Where(e => e.UserId == userId && e.Action == action && e.At <= since).ExecuteDeleteAsync(ct);
        var recent = await db.Set<ActionLimitEvent>().Where(e => e.UserId == userId && e.Action == action && e.At > since)
            .OrderBy(e => e.At).Select(e => e.At).Take(limit.Count).ToListAsync(ct);
        if (recent.Count >= limit.Count)
        {
            var wait = recent[0] + limit.Window - now;
            return Refusal(action, limit, wait);
        }

        db.Add(ActionLimitEvent.Create(userId, action, now));
        return null;
    }

    public static string Refusal(LimitedAction action, ActionLimit limit, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return string.Create(CultureInfo.InvariantCulture,
            $"You have {Verb(action) ?? "done this"} too often: at most {limit.Count} in {Describe(limit.Window)}. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}; nothing was sent.");
    }

    /// <summary>What the user did too often, in words ("sent offers"); null for an action that has none yet.</summary>
    public static string? Verb(LimitedAction action) => action switch
    {
        LimitedAction.StartConversation => "started new conversations",
        LimitedAction.CloudInvitation => "sent cloud invitations",
        LimitedAction.Offer => "sent offers",
        LimitedAction.Proposal => "sent proposals",
        _ => null,
    };

    private static string Describe(TimeSpan window) =>
        window == TimeSpan.FromHours(1) ? "an hour"
        : window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? string.Create(CultureInfo.InvariantCulture, $"{window.TotalHours:0} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(window.TotalMinutes):0} minutes");
}
