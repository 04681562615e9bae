using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Help;

/// <summary>What a signed-in user sends to support. An unknown <see cref="ArticleSlug"/> is simply dropped.</summary>
public sealed record SupportDraft(SupportCategory Category, string? Text, string? ArticleSlug = null);

public sealed record SupportCategoryChoice(SupportCategory Category, string Label);

/// <summary>The contact form: the topics, the article it was opened from, and whether the sender has requests left today.</summary>
public sealed record SupportFormView(IReadOnlyList<SupportCategoryChoice> Categories, HelpArticle? Article, bool CanSend, int RemainingToday, string? Notice);

public sealed record SupportReplyView(string AuthorName, string Text, DateTimeOffset At);

/// <summary>One request as its sender or an admin sees it, with the replies and what the viewer may do next.</summary>
public sealed record SupportRequestView(int Id, SupportCategory Category, string CategoryLabel, string Text, HelpArticle? Article, SupportStatus Status,
    string StatusText, DateTimeOffset CreatedAt, TimeSpan Age, string RequesterName, string RequesterEmail, IReadOnlyList<SupportReplyView> Replies,
    bool CanReply, bool CanClose);

public sealed record SupportQueueQuery(SupportStatus? Status = SupportStatus.AwaitingReply, SupportCategory? Category = null, int Page = 1, int PageSize = 20);

public sealed record SupportQueuePage(IReadOnlyList<SupportRequestView> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// "Contact support": signed-in users send requests (a topic and a text, a few a day); platform admins work the queue oldest
/// first, reply (the sender is notified) and close. Every step is audited in the same transaction.
/// </summary>
public sealed class SupportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public const string SignInFirst = "Sign in to contact support, so that we can answer you.";
    public const string NotFound = "That support request was not found.";
    public const string ChooseCategory = "Choose what your request is about.";
    public const string ReplyRequired = "Write a reply before sending it.";
    public const string AlreadyClosed = "This support request is already closed.";

    public static string TextTooShort => $"Describe your question in at least {SupportRequest.TextMinLength} characters.";

    public static string TextTooLong(int length) =>
        $"A support request can be at most {SupportRequest.TextMaxLength:N0} characters; yours has {length:N0}. Shorten it and send it again.";

    public static string ReplyTooLong => $"A reply can be at most {SupportRequest.ReplyMaxLength:N0} characters.";

    public static string RateLimited(DateTimeOffset nextAt) =>
        $"You have sent {SupportRequest.MaxPerWindow} support requests in the last 24 hours, the most we take from one person. "
        + $"You can send another from {nextAt:d MMM yyyy HH:mm} UTC; your text is kept. Replies to the requests you sent arrive in your notifications.";

    public static readonly IReadOnlyList<SupportCategoryChoice> Categories =
    [
        new(SupportCategory.Account, "My account and sign-in"),
        new(SupportCategory.TalentClouds, "Talent Clouds: joining, membership, leaving"),
        new(SupportCategory.JobsAndProposals, "Jobs and proposals"),
        new(SupportCategory.OffersAndContracts, "Offers, onboarding and contracts"),
        new(SupportCategory.Connects, "Connects"),
        new(SupportCategory.ContactRulesAndSafety, "Contact rules, scams and safety"),
        new(SupportCategory.Other, "Something else"),
    ];

    public static string LabelOf(SupportCategory category) =>
        Categories.FirstOrDefault(c => c.Category == category)?.Label ?? category.ToString();

    public static string StatusTextOf(SupportStatus status) => status switch
    {
        SupportStatus.AwaitingReply => "Waiting for support",
        SupportStatus.Answered => "Answered",
        _ => "Closed",
    };

    /// <summary>The form for a signed-in user (null for a visitor), opened from <paramref name="articleSlug"/> if given.</summary>
    public async Task<SupportFormView?> GetFormAsync(Actor actor, string? articleSlug = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var recent = await RecentAsync(db, actor.UserId!, now, ct);
        var remaining = Math.Max(0, SupportRequest.MaxPerWindow - recent.Count);
        return new SupportFormView(Categories, HelpArticles.Find(articleSlug), remaining > 0, remaining,
            remaining > 0 ? null : RateLimited(recent.Min() + SupportRequest.RateWindow));
    }

    /// <summary>Sends a request. Refused, storing nothing, for a visitor, bad input, or a sixth request within 24 hours.</summary>
    public async Task<Result<int>> SendAsync(Actor actor, SupportDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (!actor.IsSignedIn)
        {
            return Result<int>.Failure(SignInFirst);
        }

        var text = UserText.Block(draft.Text);
        var errors = new List<string>();
        if (!Enum.IsDefined(draft.Category))
        {
            errors.Add(ChooseCategory);
        }

        if (text.Length < SupportRequest.TextMinLength)
        {
            errors.Add(TextTooShort);
        }
        else if (text.Length > SupportRequest.TextMaxLength)
        {
            errors.Add(TextTooLong(text.Length));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        return await UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            // Counted inside the unit of work, holding the sender's name on PostgreSQL (SQLite holds the database), so a burst of
            // parallel sends cannot all pass.
            await uow.HoldAsync("support-requests-of:" + actor.UserId);
            var recent = await RecentAsync(uow.Db, actor.UserId!, uow.Now, ct);
            if (recent.Count >= SupportRequest.MaxPerWindow)
            {
                return Result<int>.Failure(RateLimited(recent.Min() + SupportRequest.RateWindow));
            }

            var request = SupportRequest.Open(actor.UserId!, draft.Category, text, HelpArticles.Find(draft.ArticleSlug)?.Slug, uow.Now);
            uow.Db.SupportRequests.Add(request);
            await uow.SaveAsync();
            uow.Audit(actor, SupportAuditActions.Requested, Subject(request.Id, actor.DisplayName), LabelOf(draft.Category));
            return Result<int>.Success(request.Id);
        }, ct);
    }

    /// <summary>The actor's own requests, newest first, with support's replies.</summary>
    public async Task<IReadOnlyList<SupportRequestView>> ListMineAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSignedIn)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = await db.SupportRequests.AsNoTracking().Where(r => r.UserId == actor.UserId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(100).ToListAsync(ct);
        return await ViewsAsync(db, actor, requests, ct);
    }

    /// <summary>The admin queue, oldest first, filtered by status (by default those waiting for a reply) and topic. Null for non-admins.</summary>
    public async Task<SupportQueuePage?> GetQueueAsync(Actor actor, SupportQueueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.IsPlatformAdmin)
        {
            return null;
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = db.SupportRequests.AsNoTracking();
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (query.Category is { } category)
        {
            requests = requests.Where(r => r.Category == category);
        }

        var total = await requests.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new SupportQueuePage(await ViewsAsync(db, actor, rows, ct), total, page, pageSize);
    }

    /// <summary>An admin answers; the request becomes Answered and its sender is notified. Not after it was closed.</summary>
    public async Task<Result> ReplyAsync(Actor actor, int requestId, string? text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return Result.Failure(NotFound);
        }

        var reply = UserText.Block(text);
        if (reply.Length == 0)
        {
            return Result.Failure(ReplyRequired);
        }

        if (reply.Length > SupportRequest.ReplyMaxLength)
        {
            return Result.Failure(ReplyTooLong);
        }

        return await DecideAsync(actor, requestId, (uow, request, requester) =>
        {
            uow.Db.SupportReplies.Add(request.Reply(actor.UserId!, reply, uow.Now));
            uow.Notify(request.UserId, NotificationKind.General, "Support replied to your request",
                $"About \"{Text.Truncate(request.Text, 80)}\": {Text.Truncate(reply, 600)}", "/support");
            uow.Audit(actor, SupportAuditActions.Replied, Subject(requestId, requester), "Replied");
        }, ct);
    }

    /// <summary>An admin closes a request once it is settled; the sender is told. A second close is refused.</summary>
    public async Task<Result> CloseAsync(Actor actor, int requestId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsPlatformAdmin)
        {
            return Result.Failure(NotFound);
        }

        return await DecideAsync(actor, requestId, (uow, request, requester) =>
        {
            request.Close(actor.UserId!, uow.Now);
            uow.Notify(request.UserId, NotificationKind.General, "Your support request was closed",
                $"Support closed your request \"{Text.Truncate(request.Text, 80)}\". If you still need help, send a new one from any help article.", "/support");
            uow.Audit(actor, SupportAuditActions.Closed, Subject(requestId, requester), "Closed");
        }, ct);
    }

    /// <summary>
    /// An admin's step on an open request, in one unit of work that holds the request first: a reply and a close (or two
    /// closes) by different admins at once happen one after the other, and the second finds the request closed.
    /// </summary>
    private Task<Result> DecideAsync(Actor actor, int requestId, Action<UnitOfWork, SupportRequest, string> step, CancellationToken ct) =>
        UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            await uow.LockAsync<SupportRequest>(requestId);
            var request = await uow.Db.SupportRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null)
            {
                return Result.Failure(NotFound);
            }

            if (request.IsClosed)
            {
                return Result.Failure(AlreadyClosed);
            }

            var requester = await uow.Db.Users.Where(u => u.Id == request.UserId).Select(u => u.DisplayName).SingleAsync(ct);
            step(uow, request, requester);
            return Result.Success;
        }, ct);

    private static string Subject(int requestId, string requester) => $"Support request {requestId} from {requester}";

    private static Task<List<DateTimeOffset>> RecentAsync(AppDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - SupportRequest.RateWindow;
        return db.SupportRequests.Where(r => r.UserId == userId && r.CreatedAt > since).Select(r => r.CreatedAt).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<SupportRequestView>> ViewsAsync(AppDbContext db, Actor actor, List<SupportRequest> requests, CancellationToken ct)
    {
        var ids = requests.Select(r => r.Id).ToList();
        var replies = await db.SupportReplies.AsNoTracking().Where(x => ids.Contains(x.SupportRequestId)).OrderBy(x => x.At).ThenBy(x => x.Id).ToListAsync(ct);
        var userIds = requests.Select(r => r.UserId).Concat(replies.Select(x => x.AuthorUserId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, Email: u.Email ?? ""), ct);
        var now = clock.GetUtcNow();
        var admin = actor.IsPlatformAdmin;
        return [.. requests.Select(r => new SupportRequestView(r.Id, r.Category, LabelOf(r.Category), r.Text, HelpArticles.Find(r.ArticleSlug), r.Status,
            StatusTextOf(r.Status), r.CreatedAt, now - r.CreatedAt, users[r.UserId].DisplayName, admin ? users[r.UserId].Email : "",
            [.. replies.Where(x => x.SupportRequestId == r.Id).Select(x => new SupportReplyView(
                admin ? users.GetValueOrDefault(x.AuthorUserId).DisplayName ?? "Support" : "TalentCloud support", x.Text, x.At))],
            CanReply: admin && r.Status != SupportStatus.Closed, CanClose: admin && r.Status != SupportStatus.Closed))];
    }
}

/// <summary>The audit action names of support requests.</summary>
public static class SupportAuditActions
{
    public const string Requested = "support.requested";
    public const string Replied = "support.replied";
    public const string Closed = "support.closed";
}
