using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Help;

/// <summary>
/// An article with its helpfulness figures and, for a signed-in reader, their own vote. Voting and contacting support are
/// for signed-in readers (a visitor is asked to sign in first).
/// </summary>
public sealed record HelpArticleView(HelpArticle Article, int Helpful, int Votes, bool? MyVote, bool CanVote = false, bool CanContactSupport = false);

/// <summary>One audience filter: its label, whether it is chosen, and how many articles it shows.</summary>
public sealed record HelpAudienceChoice(HelpAudience Audience, string Label, bool Selected, int Count);

/// <summary>
/// The help centre for one reader: the articles for the chosen audience (by default the reader's own kind — freelancer,
/// agency or client — and everything for visitors and admins), with the filters.
/// </summary>
public sealed record HelpCentreView(HelpAudience Audience, HelpAudience DefaultAudience, IReadOnlyList<HelpArticle> Articles,
    IReadOnlyList<HelpAudienceChoice> Choices, bool CanContactSupport);

/// <summary>The help centre: articles for everyone, "Was this article helpful?" votes for signed-in users.</summary>
public sealed class HelpService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string SignInToVote = "Sign in to say whether this article helped.";
    public const string ArticleNotFound = "That article was not found.";

    public static IReadOnlyList<HelpArticle> Articles => HelpArticles.All;

    /// <summary>
    /// The articles for <paramref name="audience"/>, or for the reader's own kind when none is chosen. An audience outside the
    /// known choices is treated as none chosen (addresses are forgiving).
    /// </summary>
    public async Task<HelpCentreView> GetCentreAsync(Actor actor, HelpAudience? audience = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var fallback = await DefaultAudienceAsync(actor, ct);
        var chosen = audience is { } a && HelpAudiences.Choices.Contains(a) ? a : fallback;
        return new HelpCentreView(chosen, fallback, [.. HelpArticles.All.Where(x => x.IsFor(chosen))],
            [.. HelpAudiences.Choices.Select(c => new HelpAudienceChoice(c, HelpAudiences.Label(c), c == chosen, HelpArticles.All.Count(x => x.IsFor(c))))],
            actor.IsSignedIn);
    }

    /// <summary>The reader's own kind: a freelancer, an agency owner or a client's person; everyone else reads everything.</summary>
    private async Task<HelpAudience> DefaultAudienceAsync(Actor actor, CancellationToken ct)
    {
        if (actor.IsTalent)
        {
            var ids = actor.ProfileIds.ToList();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var kinds = await db.Profiles.Where(p => ids.Contains(p.Id)).Select(p => p.Kind).Distinct().ToListAsync(ct);
            return kinds.Count == 1 ? (kinds[0] == ProfileKind.Agency ? HelpAudience.Agency : HelpAudience.Freelancer) : HelpAudience.Everyone;
        }

        return actor.IsClient ? HelpAudience.Client : HelpAudience.Everyone;
    }

    public async Task<HelpArticleView?> GetArticleAsync(Actor actor, string? slug, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = HelpArticles.Find(slug);
        if (article is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var votes = db.HelpVotes.AsNoTracking().Where(v => v.ArticleSlug == article.Slug);
        var total = await votes.CountAsync(ct);
        var helpful = await votes.CountAsync(v => v.Helpful, ct);
        bool? mine = actor.IsSignedIn
            ? await votes.Where(v => v.UserId == actor.UserId).Select(v => (bool?)v.Helpful).SingleOrDefaultAsync(ct)
            : null;
        return new HelpArticleView(article, helpful, total, mine, actor.IsSignedIn, actor.IsSignedIn);
    }

    /// <summary>Records or changes the signed-in user's vote; one vote per user and article.</summary>
    public async Task<Result> VoteAsync(Actor actor, string? slug, bool helpful, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = HelpArticles.Find(slug);
        if (article is null)
        {
            return Result.Failure(ArticleNotFound);
        }

        if (!actor.IsSignedIn)
        {
            return Result.Failure(SignInToVote);
        }

        // A second click racing the first insert meets the unique index; running again changes the row that won.
        return await UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var vote = await uow.Db.HelpVotes.SingleOrDefaultAsync(v => v.ArticleSlug == article.Slug && v.UserId == actor.UserId, ct);
            if (vote is null)
            {
                uow.Db.HelpVotes.Add(HelpVote.Cast(article.Slug, actor.UserId!, helpful, uow.Now));
            }
            else
            {
                vote.Change(helpful, uow.Now);
            }

            return Result.Success;
        }, ct, Duplicate<Result>.RunAgain(HelpVote.OnePerUserIndex));
    }
}
