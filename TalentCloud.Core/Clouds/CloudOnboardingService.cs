using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;

namespace TalentCloud.Core.Clouds;

/// <summary>A cloud's standard onboarding tasks as its organisation's people see them.</summary>
public sealed record CloudOnboardingView(int CloudId, string CloudName, IReadOnlyList<OnboardingTaskInput> Tasks, bool CanEdit);

/// <summary>
/// The onboarding tasks a cloud asks of everyone who joins it by contract. An offer that hires from a proposal into the cloud
/// comes with a copy of them. The organisation's people see them; its owner sets them.
/// </summary>
public sealed class CloudOnboardingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string OnlyOwnerSets = "Only the organisation's owner can set a cloud's onboarding tasks.";

    /// <summary>Null for anyone who does not manage the cloud (reported as not found).</summary>
    public async Task<CloudOnboardingView?> GetAsync(Actor actor, int cloudId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var managed = await CloudAccess.FindManagedAsync(db, actor, cloudId, ct);
        if (managed is null)
        {
            return null;
        }

        return new CloudOnboardingView(cloudId, managed.Cloud.Name, await TasksOfAsync(db, cloudId, ct), managed.Role == OrganizationRole.Owner);
    }

    /// <summary>
    /// Replaces the cloud's tasks (in the order given; an empty list removes them all). Owners only; all or nothing. The cloud
    /// is held while its set is replaced, so two owners saving at once leave one set, never both mixed.
    /// </summary>
    public Task<Result> SetAsync(Actor actor, int cloudId, IReadOnlyList<OnboardingTaskInput> tasks, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(tasks);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var managed = await CloudAccess.FindManagedAsync(db, actor, cloudId, ct);
            if (managed is null)
            {
                return Result.Failure(CloudAccess.NotFound);
            }

            if (managed.Role != OrganizationRole.Owner)
            {
                return Result.Failure(OnlyOwnerSets);
            }

            var errors = OfferService.ValidateTasks(tasks);
            if (errors.Count > 0)
            {
                return Result.Failure([.. errors]);
            }

            await uow.LockAsync<Cloud>(cloudId);
            await db.CloudOnboardingTasks.Where(t => t.CloudId == cloudId).ExecuteDeleteAsync(ct);
            db.CloudOnboardingTasks.AddRange(tasks.Select((t, i) => CloudOnboardingTask.From(cloudId, i + 1, t)));
            uow.Audit(actor, "cloud.onboarding_tasks_set", managed.Cloud.Name,
                tasks.Count == 0 ? "No onboarding tasks" : $"{tasks.Count} task(s): " + string.Join(", ", tasks.Select(t => UserText.Line(t.Title))),
                cloudId, organizationId: managed.Organization.Id);
            return Result.Success;
        }, ct);
    }

    /// <summary>The cloud's tasks in order, as the input an offer is made from.</summary>
    internal static async Task<IReadOnlyList<OnboardingTaskInput>> TasksOfAsync(AppDbContext db, int cloudId, CancellationToken ct) =>
        [.. (await db.CloudOnboardingTasks.AsNoTracking().Where(t => t.CloudId == cloudId).OrderBy(t => t.Position).ToListAsync(ct)).Select(t => t.ToInput())];
}
