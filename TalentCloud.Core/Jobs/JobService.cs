using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Common;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.ContactRules;

namespace TalentCloud.Core.Jobs;

/// <summary>
/// What a client fills in to post a job. <see cref="CloudId"/> null posts it publicly. For a cloud job,
/// <see cref="PublicAfterDays"/> null keeps it in the cloud; 1–30 opens it to everyone that many days after posting.
/// </summary>
public sealed record JobDraft(
    int OrganizationId,
    int? CloudId,
    string? Title,
    string? Description,
    IReadOnlyList<string>? Skills,
    BudgetType BudgetType,
    int Budget,
    ExperienceLevel Level,
    int? PublicAfterDays = null);

public enum JobSort
{
    Newest = 0,
    Oldest = 1,
    BudgetHighest = 2,
    BudgetLowest = 3,
}

/// <summary>A page request for a job list. Out-of-range values are clamped, never an error.</summary>
public sealed record JobQuery(string? Keyword = null, string? Skill = null, JobSort Sort = JobSort.Newest, int Page = 1)
{
    public const int PageSize = 10;
    public const int KeywordMaxLength = 100;
}

/// <summary>
/// A job in a list. <see cref="CloudName"/> and a cloud <see cref="Audience"/> are set only for viewers who may know the
/// cloud (its members, the posting organisation, admins); anyone else sees an opened cloud-first job as a public job.
/// <see cref="PostedBy"/> only in the posting organisation's own list (who of its people posted it, also after they left).
/// </summary>
public sealed record JobSummary(
    int Id,
    string Title,
    string Excerpt,
    string OrganizationName,
    bool ShowsEnterpriseBadge,
    string? CloudName,
    BudgetType BudgetType,
    int Budget,
    ExperienceLevel Level,
    IReadOnlyList<string> Skills,
    JobStatus Status,
    DateTimeOffset PostedAt,
    int ConnectsCost,
    int ProposalCount,
    JobAudience Audience = JobAudience.Public,
    DateTimeOffset? PublicFrom = null,
    bool PostedToYourCloudFirst = false)
{
    /// <summary>Whether the viewer may close this job now: set on the posting organisation's own list for its open jobs.</summary>
    public bool CanClose { get; init; }

    /// <summary>Who of the organisation's people posted it (also after they left); set only on the organisation's own list.</summary>
    public string? PostedBy { get; init; }
}

public sealed record JobListPage(IReadOnlyList<JobSummary> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>
/// One job as its page shows it to one viewer. The cloud's name, the audience and the opening time are there only for those
/// who may know the cloud; <see cref="PostedToYourCloudFirst"/> tells a member the job came to their cloud first.
/// </summary>
public sealed record JobDetails(
    int Id,
    string Title,
    string Description,
    int OrganizationId,
    string OrganizationName,
    string OrganizationDescription,
    bool ShowsEnterpriseBadge,
    int? CloudId,
    string? CloudName,
    BudgetType BudgetType,
    int Budget,
    ExperienceLevel Level,
    IReadOnlyList<string> Skills,
    JobStatus Status,
    DateTimeOffset PostedAt,
    DateTimeOffset? ClosedAt,
    int ConnectsCost,
    bool ViewerIsPoster,
    JobAudience Audience = JobAudience.Public,
    DateTimeOffset? PublicFrom = null,
    bool PostedToYourCloudFirst = false,
    bool CanOpenToPublic = false);

public sealed record CloudChoice(int Id, string Name);

/// <summary>
/// What the post-job form may offer this actor: cloud choices only for an Enterprise organisation with an active subscription.
/// <see cref="CanPost"/> is false for roles that may not post (recruiters); <see cref="Notice"/> says why posting, or posting to
/// a cloud, is not possible.
/// </summary>
public sealed record PostingOptions(int OrganizationId, string OrganizationName, bool IsEnterprise, IReadOnlyList<CloudChoice> Clouds,
    bool CanPost, string? Notice);

public sealed class JobService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The organisation and clouds the actor may post for, or null when the actor acts for no organisation.</summary>
    public async Task<PostingOptions?> GetPostingOptionsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsClient)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orgId = actor.Organizations.Keys.Min();
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        var canPost = actor.Can(orgId, OrganizationAction.PostJobs);
        var clouds = org.HasEnterpriseSubscription && canPost
            ? await db.Clouds.Where(c => c.OrganizationId == orgId).OrderBy(c => c.Name).Select(c => new CloudChoice(c.Id, c.Name)).ToListAsync(ct)
            : [];
        string? notice = null;
        if (!canPost)
        {
            notice = OrganizationPermissions.Refusal(actor.Organizations[orgId], OrganizationAction.PostJobs);
        }
        else if (!org.HasEnterpriseSubscription && await db.Clouds.AnyAsync(c => c.OrganizationId == orgId, ct))
        {
            notice = SubscriptionErrors.Inactive(org.Name, org.EnterpriseEndsAt, SubscriptionErrors.NoCloudJobs) + " Public jobs can still be posted.";
        }

        return new PostingOptions(org.Id, org.Name, org.HasEnterpriseSubscription, clouds, canPost, notice);
    }

    public Task<Result<int>> PostAsync(Actor actor, JobDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (!actor.BelongsTo(draft.OrganizationId))
        {
            return Task.FromResult(Result<int>.NotFound(JobErrors.NotYourOrganization));
        }

        if (!actor.Can(draft.OrganizationId, OrganizationAction.PostJobs))
        {
            return Task.FromResult(Result<int>.Failure(OrganizationPermissions.Refusal(actor.Organizations[draft.OrganizationId], OrganizationAction.PostJobs)));
        }

        var title = UserText.Line(draft.Title);
        var description = UserText.Block(draft.Description);
        var skills = (draft.Skills ?? []).Select(UserText.Line).Where(s => s.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var errors = Validate(title, description, skills, draft);
            if (draft.PublicAfterDays is int days)
            {
                if (draft.CloudId is null)
                {
                    errors.Add(JobErrors.CloudFirstNeedsCloud);
                }
                else if (days is < Job.MinCloudFirstDays or > Job.MaxCloudFirstDays)
                {
                    errors.Add(JobErrors.CloudFirstDaysOutOfRange);
                }
            }

            var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == draft.OrganizationId, ct);
            string? cloudName = null;
            if (draft.CloudId is int cloudId)
            {
                var cloud = await db.Clouds.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cloudId, ct);
                if (!org.HasEnterpriseSubscription)
                {
                    errors.Add(org.SubscriptionStatus == SubscriptionStatus.Ended
                        ? SubscriptionErrors.Inactive(org.Name, org.EnterpriseEndsAt, SubscriptionErrors.NoCloudJobs)
                        : JobErrors.CloudNeedsEnterprise);
                }
                else if (cloud is null || cloud.OrganizationId != org.Id)
                {
                    errors.Add(JobErrors.NotYourCloud);
                }
                else
                {
                    cloudName = cloud.Name;
                }
            }

            if (errors.Count > 0)
            {
                return Result<int>.Failure([.. errors]);
            }

            var publicFrom = draft.PublicAfterDays is int after ? uow.Now.AddDays(after) : (DateTimeOffset?)null;
            var job = Job.Post(org.Id, draft.CloudId, title, description, draft.BudgetType, draft.Budget, draft.Level, skills, actor.UserId!, uow.Now,
                publicFrom);
            db.Jobs.Add(job);
            await uow.SaveAsync();
            if (cloudName is not null)
            {
                await NotificationEvents.CloudJobPostedAsync(db, job.CloudId!.Value, cloudName, job.Id, job.Title, uow.Now, ct);
            }

            uow.Audit(actor, "job.posted", $"{job.Title} (job {job.Id}) by {org.Name}",
                cloudName is null ? "posted publicly"
                : publicFrom is null ? $"posted to {cloudName} only"
                : $"posted to {cloudName} first; open to everyone from {publicFrom:yyyy-MM-dd HH:mm} UTC",
                cloudId: job.CloudId, organizationId: org.Id);
            return Result<int>.Success(job.Id);
        }, ct);
    }

    /// <summary>
    /// Closes a job. When nobody was hired for it, every proposal its sender still stands behind gets its Connects
    /// back (withdrawn proposals do not), in the same unit of work. The job is held for the whole decision, so no
    /// proposal, hire, withdrawal or offer from a proposal slips in between reading them and refunding.
    /// </summary>
    public Task<Result> CloseAsync(Actor actor, int jobId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            if (await HeldVisibleJobAsync(uow, actor, jobId, ct) is not { } job)
            {
                return Result.Failure(JobErrors.NotFound);
            }

            if (!actor.BelongsTo(job.OrganizationId))
            {
                return Result.Failure(JobErrors.OnlyPosterCloses);
            }

            if (!actor.Can(job.OrganizationId, OrganizationAction.PostJobs))
            {
                return Result.Failure(OrganizationPermissions.Refusal(actor.Organizations[job.OrganizationId], OrganizationAction.PostJobs));
            }

            if (!job.IsOpen)
            {
                return Result.Failure(JobErrors.AlreadyClosed);
            }

            if (await db.Offers.Pending().AnyAsync(o => db.Proposals.Any(p => p.Id == o.ProposalId && p.JobId == jobId), ct))
            {
                return Result.Failure(JobErrors.OfferFromProposalWaiting);
            }

            job.Close(uow.Now);
            var proposals = await db.Proposals.Where(p => p.JobId == jobId).ToListAsync(ct);
            var refunded = 0;
            var connects = 0;
            if (!proposals.Any(p => p.Status == ProposalStatus.Hired))
            {
                var owners = await db.Profiles.Where(p => proposals.Select(x => x.ProfileId).Contains(p.Id))
                    .ToDictionaryAsync(p => p.Id, p => p.OwnerUserId, ct);
                foreach (var proposal in proposals.Where(p => p.IsRefundable))
                {
                    db.ConnectsEntries.Add(ConnectsEntry.Refund(proposal.ProfileId, proposal.ConnectsSpent,
                        $"Refund: \"{job.Title}\" was closed without a hire", uow.Now, proposal.Id, actor.UserId));
                    proposal.MarkRefunded(uow.Now);
                    uow.Notify(owners[proposal.ProfileId], NotificationKind.General, $"{proposal.ConnectsSpent} Connects refunded",
                        $"The client closed \"{job.Title}\" without hiring, so the Connects you spent on your proposal are back.", "/my/proposals");
                    refunded++;
                    connects += proposal.ConnectsSpent;
                }
            }

            uow.Audit(actor, "job.closed", $"{job.Title} (job {job.Id})",
                refunded == 0 ? "closed" : $"closed; {connects} Connects refunded on {refunded} proposal(s)",
                cloudId: job.CloudId, organizationId: job.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>The job as the viewer may see it, or null when it does not exist for them (unknown or a cloud job of another audience).</summary>
    public async Task<JobDetails?> GetAsync(Actor viewer, int jobId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobViewer = await JobAccess.ViewerAsync(db, viewer, clock.GetUtcNow(), ct);
        var row = await (from j in jobViewer.Visible(db)
                         join o in db.Organizations on j.OrganizationId equals o.Id
                         where j.Id == jobId
                         select new
                         {
                             Job = j,
                             Skills = j.Skills.Select(s => s.Name).ToList(),
                             OrgName = o.Name,
                             OrgDescription = o.Description,
                             o.HasEnterpriseSubscription,
                             CloudName = db.Clouds.Where(c => c.Id == j.CloudId).Select(c => c.Name).FirstOrDefault(),
                         }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var job = row.Job;
        var knowsCloud = jobViewer.KnowsCloudOf(job.OrganizationId, job.CloudId);
        var audience = jobViewer.AudienceOf(job.OrganizationId, job.CloudId, job.PublicFrom);
        var poster = viewer.BelongsTo(job.OrganizationId);
        return new JobDetails(job.Id, job.Title, job.Description, job.OrganizationId, row.OrgName, row.OrgDescription, row.HasEnterpriseSubscription,
            knowsCloud ? job.CloudId : null, knowsCloud ? row.CloudName : null, job.BudgetType, job.Budget, job.ExperienceLevel,
            [.. row.Skills.Order(StringComparer.OrdinalIgnoreCase)], job.Status, job.PostedAt, job.ClosedAt,
            jobViewer.ProposalCost(job.CloudId, job.PublicFrom, job.BudgetType, job.Budget), poster,
            audience, knowsCloud ? job.PublicFrom : null,
            PostedToYourCloudFirst: job.PublicFrom is not null && jobViewer.IsMemberOf(job.CloudId),
            CanOpenToPublic: poster && job.IsOpen && audience is JobAudience.CloudOnly or JobAudience.CloudFirst);
    }

    /// <summary>The public job list (<c>/jobs</c>): open public jobs, by keyword and skill, sorted and paged.</summary>
    public async Task<JobListPage> SearchPublicAsync(Actor viewer, JobQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobViewer = await JobAccess.ViewerAsync(db, viewer, clock.GetUtcNow(), ct);
        var now = jobViewer.Now;
        var jobs = jobViewer.Visible(db).Where(j => (j.CloudId == null || (j.PublicFrom != null && j.PublicFrom <= now)) && j.Status == JobStatus.Open);
        return await PageAsync(db, jobViewer, jobs, query, ct);
    }

    /// <summary>
    /// "Talent Cloud jobs" (<c>/my/talent-clouds/jobs</c>): the open jobs of the clouds the viewer is an Active member of,
    /// each labelled with its cloud's full name.
    /// </summary>
    public async Task<JobListPage> ListMyCloudJobsAsync(Actor viewer, JobQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobViewer = await JobAccess.ViewerAsync(db, viewer, clock.GetUtcNow(), ct);
        var clouds = jobViewer.ActiveCloudIds.ToList();
        var jobs = jobViewer.Visible(db).Where(j => j.CloudId != null && clouds.Contains(j.CloudId.Value) && j.Status == JobStatus.Open);
        return await PageAsync(db, jobViewer, jobs, query, ct);
    }

    /// <summary>Every job of the organisations the actor acts for, open and closed, with proposal counts.</summary>
    public async Task<JobListPage> ListOrganizationJobsAsync(Actor actor, JobQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = actor.Organizations.Keys.ToList();
        var jobViewer = await JobAccess.ViewerAsync(db, actor, clock.GetUtcNow(), ct);
        var jobs = jobViewer.Visible(db).Where(j => organizations.Contains(j.OrganizationId));
        var page = await PageAsync(db, jobViewer, jobs, query, ct);
        var ids = page.Items.Select(i => i.Id).ToList();
        var authors = await (from j in db.Jobs
                             join u in db.Users on j.PostedByUserId equals u.Id
                             where ids.Contains(j.Id)
                             select new { j.Id, u.DisplayName }).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        // Every listed job is the actor's own organisation's (CloseAsync checks the same again): open ones can be closed by roles that post.
        return page with
        {
            Items = [.. page.Items.Select(j => j with
            {
                CanClose = j.Status == JobStatus.Open && organizations.Any(o => actor.Can(o, OrganizationAction.PostJobs)),
                PostedBy = authors.GetValueOrDefault(j.Id),
            })],
        };
    }

    /// <summary>
    /// Widens a cloud job's audience: to everyone now (<paramref name="afterDays"/> null) or that many days from now (1–30).
    /// Only forward — a cloud-only job gets an opening time, a cloud-first job an earlier one — and only by the posting organisation.
    /// </summary>
    public Task<Result> OpenToPublicAsync(Actor actor, int jobId, int? afterDays = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (afterDays is < Job.MinCloudFirstDays or > Job.MaxCloudFirstDays)
        {
            return Task.FromResult(Result.Failure(JobErrors.CloudFirstDaysOutOfRange));
        }

        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            // Held so that two widenings at once compare with each other's result ("only forward") and a close waits for it.
            if (await HeldVisibleJobAsync(uow, actor, jobId, ct) is not { } job)
            {
                return Result.Failure(JobErrors.NotFound);
            }

            if (!actor.BelongsTo(job.OrganizationId))
            {
                return Result.Failure(JobErrors.OnlyPosterChangesAudience);
            }

            var before = job.PublicFrom;
            var error = job.OpenToPublic(afterDays is int days ? uow.Now.AddDays(days) : uow.Now, uow.Now);
            if (error is not null)
            {
                return Result.Failure(error);
            }

            uow.Audit(actor, "job.audience_widened", $"{job.Title} (job {job.Id})",
                $"{(before is null ? "cloud only" : $"open to everyone from {before:yyyy-MM-dd HH:mm} UTC")} → open to everyone from {job.PublicFrom:yyyy-MM-dd HH:mm} UTC",
                cloudId: job.CloudId, organizationId: job.OrganizationId);
            return Result.Success;
        }, ct);
    }

    /// <summary>The job, held until the unit of work ends, when the actor may see it; null when it does not exist for them.</summary>
    private static async Task<Job?> HeldVisibleJobAsync(UnitOfWork uow, Actor actor, int jobId, CancellationToken ct)
    {
        var visible = await JobAccess.VisibleJobsAsync(uow.Db, actor, uow.Now, ct);
        if (!await visible.AnyAsync(j => j.Id == jobId, ct))
        {
            return null;
        }

        await uow.LockAsync<Job>(jobId);
        return await uow.Db.Jobs.SingleAsync(j => j.Id == jobId, ct);
    }

    private static async Task<JobListPage> PageAsync(AppDbContext db, JobViewer viewer, IQueryable<Job> jobs, JobQuery query, CancellationToken ct)
    {
        // Filters are cleaned as stored texts are (PostgreSQL would refuse a NUL in a parameter; nothing stored holds one).
        var keyword = UserText.Line(query.Keyword);
        if (keyword.Length > JobQuery.KeywordMaxLength)
        {
            keyword = keyword[..JobQuery.KeywordMaxLength];
        }

        if (keyword.Length > 0)
        {
            foreach (var word in keyword.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            {
                var pattern = TextMatch.ContainsPattern(word);
                jobs = jobs.Where(j => EF.Functions.Like(TextMatch.Lower(j.Title), pattern, TextMatch.Escape)
                    || EF.Functions.Like(TextMatch.Lower(j.Description), pattern, TextMatch.Escape)
                    || j.Skills.Any(s => EF.Functions.Like(TextMatch.Lower(s.Name), pattern, TextMatch.Escape)));
            }
        }

        var skill = UserText.Line(query.Skill);
        if (skill.Length > 0)
        {
            jobs = jobs.Where(j => j.Skills.Any(s => s.Name == skill));
        }

        var total = await jobs.CountAsync(ct);
        var pageCount = Math.Max(1, (total + JobQuery.PageSize - 1) / JobQuery.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        jobs = query.Sort switch
        {
            JobSort.Oldest => jobs.OrderBy(j => j.PostedAt).ThenBy(j => j.Id),
            JobSort.BudgetHighest => jobs.OrderByDescending(j => j.Budget).ThenByDescending(j => j.Id),
            JobSort.BudgetLowest => jobs.OrderBy(j => j.Budget).ThenBy(j => j.Id),
            _ => jobs.OrderByDescending(j => j.PostedAt).ThenByDescending(j => j.Id),
        };
        var rows = await (from j in jobs.Skip((page - 1) * JobQuery.PageSize).Take(JobQuery.PageSize)
                          join o in db.Organizations on j.OrganizationId equals o.Id
                          select new
                          {
                              j.Id,
                              j.Title,
                              j.Description,
                              OrgName = o.Name,
                              o.HasEnterpriseSubscription,
                              j.OrganizationId,
                              j.CloudId,
                              j.PublicFrom,
                              CloudName = db.Clouds.Where(c => c.Id == j.CloudId).Select(c => c.Name).FirstOrDefault(),
                              j.BudgetType,
                              j.Budget,
                              j.ExperienceLevel,
                              Skills = j.Skills.Select(s => s.Name).ToList(),
                              j.Status,
                              j.PostedAt,
                              Proposals = db.Proposals.Count(p => p.JobId == j.Id && p.Status != ProposalStatus.Withdrawn),
                          }).ToListAsync(ct);

        // The join does not keep the order on every provider; restore it from the ordered ids.
        var items = rows.Select(r =>
        {
            // An opened cloud-first job reaches outsiders as a public job: its cloud stays unnamed and unmentioned for them.
            var knowsCloud = viewer.KnowsCloudOf(r.OrganizationId, r.CloudId);
            return new JobSummary(r.Id, r.Title, Excerpt(r.Description), r.OrgName, r.HasEnterpriseSubscription, knowsCloud ? r.CloudName : null,
                r.BudgetType, r.Budget, r.ExperienceLevel, [.. r.Skills.Order(StringComparer.OrdinalIgnoreCase)], r.Status, r.PostedAt,
                viewer.ProposalCost(r.CloudId, r.PublicFrom, r.BudgetType, r.Budget), r.Proposals,
                viewer.AudienceOf(r.OrganizationId, r.CloudId, r.PublicFrom), knowsCloud ? r.PublicFrom : null,
                r.PublicFrom is not null && viewer.IsMemberOf(r.CloudId));
        }).ToList();
        items = query.Sort switch
        {
            JobSort.Oldest => [.. items.OrderBy(i => i.PostedAt).ThenBy(i => i.Id)],
            JobSort.BudgetHighest => [.. items.OrderByDescending(i => i.Budget).ThenByDescending(i => i.Id)],
            JobSort.BudgetLowest => [.. items.OrderBy(i => i.Budget).ThenBy(i => i.Id)],
            _ => [.. items.OrderByDescending(i => i.PostedAt).ThenByDescending(i => i.Id)],
        };
        return new JobListPage(items, total, page, JobQuery.PageSize);
    }

    private static List<string> Validate(string title, string description, List<string> skills, JobDraft draft)
    {
        var errors = new List<string>();
        if (title.Length == 0)
        {
            errors.Add(JobErrors.TitleRequired);
        }
        else if (title.Length > Job.TitleMaxLength)
        {
            errors.Add(JobErrors.TitleTooLong);
        }

        if (description.Length == 0)
        {
            errors.Add(JobErrors.DescriptionRequired);
        }
        else if (description.Length > Job.DescriptionMaxLength)
        {
            errors.Add(JobErrors.DescriptionTooLong);
        }

        if (skills.Count > Job.MaxSkills)
        {
            errors.Add(JobErrors.TooManySkills);
        }

        if (skills.Any(s => s.Length > Profile.SkillMaxLength))
        {
            errors.Add(JobErrors.SkillTooLong(Profile.SkillMaxLength));
        }

        if (!Enum.IsDefined(draft.BudgetType))
        {
            errors.Add(JobErrors.ChooseBudgetType);
        }
        else if (draft.Budget < Job.MinBudget(draft.BudgetType) || draft.Budget > Job.MaxBudget(draft.BudgetType))
        {
            errors.Add(JobErrors.BudgetOutOfRange(draft.BudgetType));
        }

        if (!Enum.IsDefined(draft.Level))
        {
            errors.Add(JobErrors.ChooseLevel);
        }

        var texts = new List<(string Field, string Text)> { ("The job title", title), ("The job description", description) };
        texts.AddRange(skills.Select(s => ($"The skill \"{s}\"", s)));
        foreach (var (field, text) in texts)
        {
            errors.AddRange(PublicTextPolicy.Check(text, field).Errors);
        }

        return errors;
    }

    private static string Excerpt(string description)
    {
        const int max = 220;
        var flat = description.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : flat[..max].TrimEnd() + "…";
    }
}
