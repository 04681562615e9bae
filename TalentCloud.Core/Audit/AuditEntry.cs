using TalentCloud.Core.Common;

namespace TalentCloud.Core.Audit;

/// <summary>
/// One recorded change: who did what to which subject, when, and how it ended. Append-only: the application
/// has no path that updates or deletes an entry.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 80;
    public const int SubjectMaxLength = 300;
    public const int OutcomeMaxLength = 500;

    public long Id { get; private set; }

    /// <summary>The acting user's id; null for the system (seeding, background jobs).</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>The acting user's display name at the time, so the log stays readable if the account changes.</summary>
    public string ActorName { get; private set; } = "";

    /// <summary>A stable action name, e.g. "membership.joined" or "removal.approved".</summary>
    public string Action { get; private set; } = "";

    /// <summary>What the action was about, in words an admin reads ("Fiona Park in Acme Pro Mobile Developers").</summary>
    public string Subject { get; private set; } = "";

    public string Outcome { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>Optional links for filtering.</summary>
    public int? CloudId { get; private set; }

    public int? ProfileId { get; private set; }

    public int? OrganizationId { get; private set; }

    public static AuditEntry Create(string? actorUserId, string actorName, string action, string subject, string outcome, DateTimeOffset at,
        int? cloudId = null, int? profileId = null, int? organizationId = null) => new()
        {
            ActorUserId = actorUserId,
            ActorName = Text.Truncate(actorName, 100),
            Action = Text.Truncate(action, ActionMaxLength),
            Subject = Text.Truncate(subject, SubjectMaxLength),
            Outcome = Text.Truncate(outcome, OutcomeMaxLength),
            At = at,
            CloudId = cloudId,
            ProfileId = profileId,
            OrganizationId = organizationId,
        };

}
