using TalentCloud.Core.Accounts;
using TalentCloud.Core.Help;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class HelpServiceTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private HelpService help = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 0);
        help = new HelpService(db, db.Clock);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public void The_eleven_articles_are_there_with_unique_addresses()
    {
        Assert.Equal(11, HelpService.Articles.Count);
        Assert.Equal(11, HelpService.Articles.Select(a => a.Slug).Distinct().Count());
        Assert.All(HelpService.Articles, a => Assert.True(a.Slug.Length <= HelpArticle.SlugMaxLength));
        Assert.DoesNotContain("Talend Cloud", string.Join(" ", HelpService.Articles.SelectMany(a => a.Paragraphs)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_vote_per_user_that_can_be_changed()
    {
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var omar = await db.ActorAsync(DemoWorld.OmarEmail);

        Assert.True((await help.VoteAsync(fiona, HelpArticles.Leaving, true)).Succeeded);
        Assert.True((await help.VoteAsync(fiona, HelpArticles.Leaving, true)).Succeeded);
        Assert.True((await help.VoteAsync(omar, HelpArticles.Leaving, false)).Succeeded);
        var view = await help.GetArticleAsync(fiona, HelpArticles.Leaving);
        Assert.Equal((1, 2, (bool?)true), (view!.Helpful, view.Votes, view.MyVote));

        Assert.True((await help.VoteAsync(fiona, HelpArticles.Leaving, false)).Succeeded);
        view = await help.GetArticleAsync(omar, HelpArticles.Leaving);
        Assert.Equal((0, 2, (bool?)false), (view!.Helpful, view.Votes, view.MyVote));

        var other = await help.GetArticleAsync(fiona, HelpArticles.WaysToJoin);
        Assert.Equal((0, 0, (bool?)null), (other!.Helpful, other.Votes, other.MyVote));
    }

    [Fact]
    public async Task Concurrent_clicks_leave_one_vote()
    {
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => help.VoteAsync(fiona, HelpArticles.Leaving, i % 2 == 0))));
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(1, (await help.GetArticleAsync(fiona, HelpArticles.Leaving))!.Votes);
    }

    [Fact]
    public async Task Visitors_read_but_cannot_vote_and_unknown_articles_are_not_found()
    {
        Assert.Equal(HelpService.SignInToVote, Assert.Single((await help.VoteAsync(Actor.Visitor, HelpArticles.Leaving, true)).Errors));
        var view = await help.GetArticleAsync(Actor.Visitor, HelpArticles.Leaving);
        Assert.Equal((0, (bool?)null), (view!.Votes, view.MyVote));

        Assert.Null(await help.GetArticleAsync(Actor.Visitor, "no-such-article"));
        Assert.Null(await help.GetArticleAsync(Actor.Visitor, null));
        var fiona = await db.ActorAsync(DemoWorld.FionaEmail);
        Assert.Equal(HelpService.ArticleNotFound, Assert.Single((await help.VoteAsync(fiona, "no-such-article", true)).Errors));
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail, HelpAudience.Freelancer)]
    [InlineData(DemoWorld.NinaEmail, HelpAudience.Agency)]
    [InlineData(DemoWorld.MariaEmail, HelpAudience.Client)]
    [InlineData(DemoWorld.CarlEmail, HelpAudience.Client)]
    [InlineData(DemoWorld.AdminEmail, HelpAudience.Everyone)]
    public async Task The_centre_defaults_to_the_readers_own_kind(string email, HelpAudience expected)
    {
        var centre = await help.GetCentreAsync(await db.ActorAsync(email));

        Assert.Equal((expected, expected), (centre.Audience, centre.DefaultAudience));
        Assert.All(centre.Articles, a => Assert.True(a.IsFor(expected)));
        Assert.Equal(HelpService.Articles.Count(a => a.IsFor(expected)), centre.Articles.Count);
        Assert.Single(centre.Choices, c => c.Selected && c.Audience == expected);
    }

    [Fact]
    public async Task Filtering_by_audience_shows_that_audiences_articles_and_an_unknown_one_falls_back()
    {
        var visitor = await help.GetCentreAsync(Actor.Visitor);
        var clients = await help.GetCentreAsync(Actor.Visitor, HelpAudience.Client);
        var odd = await help.GetCentreAsync(await db.ActorAsync(DemoWorld.FionaEmail), (HelpAudience)99);

        Assert.Equal(HelpService.Articles.Count, visitor.Articles.Count);
        Assert.Contains(clients.Articles, a => a.Slug == HelpArticles.HiringFromAProposal);
        Assert.DoesNotContain(clients.Articles, a => a.Slug == HelpArticles.BusinessEntityTypes);
        Assert.True(clients.Articles.Count < visitor.Articles.Count);
        Assert.Equal(HelpAudience.Freelancer, odd.Audience);
        Assert.False(visitor.CanContactSupport);
    }

    [Fact]
    public void The_business_entity_article_explains_every_entity_type_the_profile_offers()
    {
        var article = HelpArticles.Find(HelpArticles.BusinessEntityTypes)!;
        var text = string.Join(" ", article.Paragraphs).ToUpperInvariant();

        foreach (var type in Enum.GetValues<TalentCloud.Core.Profiles.BusinessEntityType>().Where(t => t != TalentCloud.Core.Profiles.BusinessEntityType.None))
        {
            var words = System.Text.RegularExpressions.Regex.Replace(type.ToString(), "(?<!^)([A-Z])", " $1").ToUpperInvariant();
            Assert.Contains(words, text, StringComparison.Ordinal);
        }

        Assert.Equal(HelpAudience.Freelancer | HelpAudience.Agency, article.Audience);
        Assert.Equal("/settings/profile", article.Action!.Url);
    }
}
