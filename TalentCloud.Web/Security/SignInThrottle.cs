using System.Collections.Concurrent;

namespace TalentCloud.Web.Security;

/// <summary>
/// Failed sign-ins counted per account <em>and</em> client: after <see cref="MaxFailures"/> failures within
/// <see cref="FailureWindow"/>, that client may not try that account for <see cref="LockDuration"/>. The account
/// itself is never locked, so a stranger guessing at someone's password cannot keep its owner out: the owner signs in
/// from their own device as usual. Guessing from many clients is held back by the per-account rate limit for unknown
/// devices (see <see cref="KnownDevices"/>) and the per-client limits. Unknown addresses are counted like known ones, so
/// the lock reveals nothing. The counts live in memory (per app instance) and are bounded in size.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Whether this client is held back from this account now.</summary>
    public bool IsLocked(string email, string client) =>
        entries.TryGetValue(Key(email, client), out var entry) && entry.IsLocked(clock.GetUtcNow());

    /// <summary>Counts a failure; true when it locks this client out of this account.</summary>
    public bool RecordFailure(string email, string client)
    {
        var now = clock.GetUtcNow();
        if (entries.Count >= MaxEntries)
        {
            Prune(now);
        }

        return entries.GetOrAdd(Key(email, client), _ => new Entry()).Fail(now);
    }

    /// <summary>A successful sign-in clears the client's count for the account.</summary>
    public void RecordSuccess(string email, string client) => entries.TryRemove(Key(email, client), out _);

    private static string Key(string email, string client) => $"{(email ?? "").Trim().ToUpperInvariant()}\n{client}";

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in entries)
        {
            if (entry.IsStale(now))
            {
                entries.TryRemove(key, out _);
            }
        }

        if (entries.Count >= MaxEntries)
        {
            // Only under a flood of distinct addresses: forget everything rather than grow without bound.
            entries.Clear();
        }
    }

    private sealed class Entry
    {
        private readonly Lock gate = new();
        private int failures;
        private DateTimeOffset windowStart;
        private DateTimeOffset lockedUntil;

        public bool IsLocked(DateTimeOffset now)
        {
            lock (gate)
            {
                return lockedUntil > now;
            }
        }

        public bool IsStale(DateTimeOffset now)
        {
            lock (gate)
            {
                return lockedUntil <= now && windowStart + FailureWindow <= now;
            }
        }

        public bool Fail(DateTimeOffset now)
        {
            lock (gate)
            {
                if (lockedUntil > now)
                {
                    return true;
                }

                if (failures == 0 || windowStart + FailureWindow <= now)
                {
                    failures = 0;
                    windowStart = now;
                }

                failures++;
                if (failures < MaxFailures)
                {
                    return false;
                }

                failures = 0;
                lockedUntil = now + LockDuration;
                return true;
            }
        }
    }
}
