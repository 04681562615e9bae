using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Help;

/// <summary>An article with its helpfulness figures and, for a signed-in reader, their own vote.</summary>
public sealed record HelpArticleView(HelpArticle Article, int Helpful, int Votes, bool? MyVote);

/// <summary>The help centre: articles for everyone, "Was this article helpful?" votes for signed-in users.</summary>
public sealed class HelpService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string SignInToVote = "Sign in to say whether this article helped.";
    public const string ArticleNotFound = "That article was not found.";

    public static IReadOnlyList<HelpArticle> Articles => HelpArticles.All;

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
        return new HelpArticleView(article, helpful, total, mine);
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
