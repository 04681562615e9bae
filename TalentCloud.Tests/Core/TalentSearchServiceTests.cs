using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Search;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class TalentSearchServiceTests : IAsyncLifetime
{
    private TestDatabase db = null!;
    private TalentSearchService search = null!;

    public async ValueTask InitializeAsync()
    {
        db = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 60);
        search = new TalentSearchService(db);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();

    private async Task<SearchResults> OkAsync(string email, SearchQuery query)
    {
        var answer = await search.SearchAsync(await db.ActorAsync(email), query);
        Assert.True(answer.Status == SearchStatus.Ok, string.Join("; ", answer.Errors));
        return answer.Results;
    }

    private async Task<HashSet<int>> ActiveMembersOfAsync(string organization)
    {
        await using var context = db.CreateDbContext();
        return [.. await (from m in context.CloudMemberships
                          join c in context.Clouds on m.CloudId equals c.Id
                          join o in context.Organizations on c.OrganizationId equals o.Id
                          where o.Name == organization && m.Status == MembershipStatus.Active
                          select m.ProfileId).ToListAsync()];
    }

    private async Task<List<SearchTile>> AllPagesAsync(string email, SearchQuery query)
    {
        var tiles = new List<SearchTile>();
        for (var page = 1; ; page++)
        {
            var results = await OkAsync(email, query with { Page = page });
            tiles.AddRange(results.Tiles);
            if (page >= results.PageCount)
            {
                return tiles;
            }
        }
    }

    [Fact]
    public async Task Maria_sees_her_cloud_members_for_mobile_above_every_non_member()
    {
        var acmeMembers = await ActiveMembersOfAsync(DemoWorld.Acme);
        var tiles = await AllPagesAsync(DemoWorld.MariaEmail, new SearchQuery { Text = "mobile" });

        var fiona = tiles.FindIndex(t => t.Handle == DemoWorld.FionaHandle);
        var northwind = tiles.FindIndex(t => t.Handle == DemoWorld.NorthwindHandle);
        var firstOutsider = tiles.FindIndex(t => !acmeMembers.Contains(t.ProfileId));
        Assert.True(fiona >= 0 && northwind >= 0, "Fiona Park and Northwind Studio match \"mobile\".");
        Assert.True(firstOutsider > 0, "Some non-members match \"mobile\" too.");
        Assert.True(fiona < firstOutsider && northwind < firstOutsider);
        Assert.All(tiles.Skip(firstOutsider), t => Assert.DoesNotContain(t.ProfileId, acmeMembers));
        Assert.Equal("In your cloud: " + DemoWorld.AcmeMobile, tiles[fiona].RankingExplanation);
        Assert.Equal([DemoWorld.AcmeMobile], tiles[fiona].CloudNames);
        Assert.All(tiles.Skip(firstOutsider), t => Assert.Null(t.RankingExplanation));
    }

    [Fact]
    public async Task My_talent_clouds_only_lists_exactly_the_active_members_of_the_organisations_clouds()
    {
        var acmeMembers = await ActiveMembersOfAsync(DemoWorld.Acme);

        var tiles = await AllPagesAsync(DemoWorld.MariaEmail, new SearchQuery { MyCloudsOnly = true });

        Assert.Equal(acmeMembers.Order(), tiles.Select(t => t.ProfileId).Order());
        Assert.DoesNotContain(tiles, t => t.Handle == DemoWorld.OmarHandle);
        Assert.All(tiles, t => Assert.StartsWith("In your cloud: ", t.RankingExplanation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mobile_with_my_clouds_only_leaves_out_pending_and_outside_people()
    {
        var tiles = await AllPagesAsync(DemoWorld.RajEmail, new SearchQuery { Text = "mobile", MyCloudsOnly = true });

        Assert.Contains(tiles, t => t.Handle == DemoWorld.FionaHandle);
        Assert.Contains(tiles, t => t.Handle == DemoWorld.NorthwindHandle);
        var acmeMembers = await ActiveMembersOfAsync(DemoWorld.Acme);
        Assert.All(tiles, t => Assert.Contains(t.ProfileId, acmeMembers));
    }

    [Fact]
    public async Task Hank_sees_globex_members_first_and_no_acme_cloud_name()
    {
        var globexMembers = await ActiveMembersOfAsync(DemoWorld.Globex);
        var tiles = await AllPagesAsync(DemoWorld.HankEmail, new SearchQuery { Text = "mobile" });

        var boosted = tiles.TakeWhile(t => globexMembers.Contains(t.ProfileId)).Count();
        Assert.True(boosted > 0);
        Assert.Equal(DemoWorld.FionaHandle, tiles.Take(boosted).Single(t => t.Handle == DemoWorld.FionaHandle).Handle);
        Assert.All(tiles.Skip(boosted), t => Assert.DoesNotContain(t.ProfileId, globexMembers));
        Assert.All(tiles, t => Assert.All(t.CloudNames, n => Assert.Equal(DemoWorld.GlobexDesign, n)));
        Assert.DoesNotContain(tiles, t => (t.RankingExplanation ?? "").Contains("Acme", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Carl_an_ordinary_client_gets_plain_relevance_and_no_cloud_names()
    {
        var results = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Text = "mobile" });
        var tiles = await AllPagesAsync(DemoWorld.CarlEmail, new SearchQuery { Text = "mobile" });

        Assert.False(results.IsEnterprise);
        Assert.Empty(results.OwnClouds);
        Assert.All(tiles, t => Assert.Empty(t.CloudNames));
        Assert.All(tiles, t => Assert.Null(t.RankingExplanation));
        // Plain relevance: people with the skill "Mobile" before those who only mention it.
        var withSkill = tiles.FindLastIndex(t => t.TopSkills.Contains("Mobile"));
        var withoutSkill = tiles.FindIndex(t => !t.TopSkills.Contains("Mobile"));
        Assert.True(withoutSkill == -1 || withoutSkill > withSkill);
    }

    [Fact]
    public async Task Carl_may_not_filter_by_my_clouds_and_nobody_may_filter_by_another_organisations_cloud()
    {
        var carl = await search.SearchAsync(await db.ActorAsync(DemoWorld.CarlEmail), new SearchQuery { MyCloudsOnly = true });
        Assert.Equal(SearchStatus.Invalid, carl.Status);

        await using var context = db.CreateDbContext();
        var globexCloud = await context.Clouds.Where(c => c.Name == DemoWorld.GlobexDesign).Select(c => c.Id).SingleAsync();
        var acmeCloud = await context.Clouds.Where(c => c.Name == DemoWorld.AcmeMobile).Select(c => c.Id).SingleAsync();
        var maria = await db.ActorAsync(DemoWorld.MariaEmail);

        Assert.Equal(SearchStatus.NotFound, (await search.SearchAsync(maria, new SearchQuery { CloudId = globexCloud })).Status);
        Assert.Equal(SearchStatus.NotFound, (await search.SearchAsync(maria, new SearchQuery { CloudId = 987654 })).Status);
        Assert.Equal(SearchStatus.NotFound, (await search.SearchAsync(await db.ActorAsync(DemoWorld.CarlEmail), new SearchQuery { CloudId = acmeCloud })).Status);

        var inMobile = await AllPagesAsync(DemoWorld.MariaEmail, new SearchQuery { CloudId = acmeCloud });
        Assert.Contains(inMobile, t => t.Handle == DemoWorld.FionaHandle);
        Assert.Contains(inMobile, t => t.Handle == DemoWorld.NorthwindHandle);
        Assert.DoesNotContain(inMobile, t => t.Handle == DemoWorld.LeeHandle); // only pending there
    }

    [Theory]
    [InlineData(DemoWorld.FionaEmail)]
    [InlineData(DemoWorld.NinaEmail)]
    [InlineData(DemoWorld.OmarEmail)]
    public async Task Freelancers_and_agencies_cannot_search(string email)
    {
        var answer = await search.SearchAsync(await db.ActorAsync(email), new SearchQuery { Text = "mobile" });
        Assert.Equal(SearchStatus.NotFound, answer.Status);
        Assert.Empty(answer.Results.Tiles);
    }

    [Fact]
    public async Task Visitors_cannot_search()
    {
        Assert.Equal(SearchStatus.NotFound, (await search.SearchAsync(Actor.Visitor, new SearchQuery())).Status);
    }

    /// <summary>
    /// Each hostile text must find exactly what its plain-word twin finds (the operator characters are only
    /// separators), or, when it holds no letter or digit, list everyone — never an error, never FTS syntax.
    /// </summary>
    [Theory]
    [InlineData("\"", null)]
    [InlineData("*", null)]
    [InlineData("')--", null)]
    [InlineData("NEAR(", "near")]
    [InlineData("a OR", "a or")]
    [InlineData("mobile -swift", "mobile swift")]
    [InlineData("(mobile", "mobile")]
    [InlineData("Title:mobile", "title-mobile")]
    [InlineData("mob*", "mob")]
    [InlineData("\"mobile\" AND \"swift", "mobile and swift")]
    [InlineData("NOT mobile", "not mobile")]
    [InlineData("C# .NET", "c net")]
    [InlineData("\u0000x", "x")]
    [InlineData("x\u0000", "x")]
    public async Task Fts_syntax_in_user_text_is_searched_as_text(string text, string? plainTwin)
    {
        var results = await OkAsync(DemoWorld.MariaEmail, new SearchQuery { Text = text });
        var found = await AllPagesAsync(DemoWorld.MariaEmail, new SearchQuery { Text = text });
        var expected = await AllPagesAsync(DemoWorld.MariaEmail, new SearchQuery { Text = plainTwin });

        // The same people (ranking may differ: skill names are compared with the words as typed).
        Assert.Equal(expected.Select(t => t.ProfileId).Order(), found.Select(t => t.ProfileId).Order());
        Assert.Equal(found.Count, results.TotalCount);
        if (plainTwin is null)
        {
            Assert.Contains(results.Notices, n => n.Contains("everyone is listed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Operators_are_words_not_syntax()
    {
        // As FTS syntax "mobile OR zzzz" would match every mobile profile; as text it needs the word "or" too.
        var asText = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Text = "mobile OR zzzzqq" });
        Assert.Equal(0, asText.TotalCount);
        var negation = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Text = "Fiona -Park" });
        Assert.Contains(negation.Tiles, t => t.Handle == DemoWorld.FionaHandle);
    }

    [Fact]
    public async Task Over_long_text_is_trimmed_with_a_notice()
    {
        var results = await OkAsync(DemoWorld.MariaEmail, new SearchQuery { Text = "mobile " + new string('x', 10_000) });
        Assert.Contains(results.Notices, n => n.Contains($"{TalentSearchService.TextMaxLength} characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_text_lists_everyone_paged_with_a_count()
    {
        await using var context = db.CreateDbContext();
        var everyone = await context.Profiles.CountAsync();

        var results = await OkAsync(DemoWorld.CarlEmail, new SearchQuery());

        Assert.Equal(everyone, results.TotalCount);
        Assert.Equal(TalentSearchService.PageSize, results.Tiles.Count);
        Assert.Equal((everyone + TalentSearchService.PageSize - 1) / TalentSearchService.PageSize, results.PageCount);
        var all = await AllPagesAsync(DemoWorld.CarlEmail, new SearchQuery());
        Assert.Equal(everyone, all.Select(t => t.ProfileId).Distinct().Count());
    }

    [Fact]
    public async Task Pages_out_of_range_are_clamped()
    {
        var past = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Page = 400 });
        Assert.Equal(past.PageCount, past.Page);
        Assert.NotEmpty(past.Tiles);
        Assert.Contains(past.Notices, n => n.Contains("showing the last", StringComparison.Ordinal));

        var before = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Page = -3 });
        Assert.Equal(1, before.Page);
    }

    [Fact]
    public async Task Filters_narrow_by_country_rate_kind_and_skill()
    {
        var agencies = await AllPagesAsync(DemoWorld.CarlEmail, new SearchQuery { Kind = ProfileKind.Agency });
        Assert.NotEmpty(agencies);
        Assert.All(agencies, t => Assert.Equal(ProfileKind.Agency, t.Kind));

        var canada = await AllPagesAsync(DemoWorld.CarlEmail, new SearchQuery { Country = "ca", MinRate = 90, MaxRate = 100 });
        Assert.Contains(canada, t => t.Handle == DemoWorld.FionaHandle);
        Assert.All(canada, t => Assert.True(t.Country == "CA" && t.HourlyRate is >= 90 and <= 100));

        var figma = await AllPagesAsync(DemoWorld.CarlEmail, new SearchQuery { Skills = ["figma", "Swift"] });
        Assert.Contains(figma, t => t.Handle == DemoWorld.FionaHandle);
        Assert.All(figma, t => Assert.Contains("Figma", t.TopSkills.Concat(["Figma"]))); // required skills are present
        await using var context = db.CreateDbContext();
        foreach (var tile in figma)
        {
            var skills = await context.ProfileSkills.Where(s => s.ProfileId == tile.ProfileId).Select(s => s.Name).ToListAsync();
            Assert.Contains("Figma", skills);
            Assert.Contains("Swift", skills);
        }
    }

    [Theory]
    [InlineData(200, 100, null)]
    [InlineData(null, null, "USA")]
    [InlineData(null, null, "1!")]
    public async Task Impossible_filters_are_rejected_with_a_message(int? min, int? max, string? country)
    {
        var answer = await search.SearchAsync(await db.ActorAsync(DemoWorld.CarlEmail),
            new SearchQuery { MinRate = min, MaxRate = max, Country = country });
        Assert.Equal(SearchStatus.Invalid, answer.Status);
        Assert.NotEmpty(answer.Errors);
    }

    [Fact]
    public async Task Rates_out_of_range_are_clamped_with_a_notice()
    {
        var results = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { MinRate = -50, MaxRate = 50_000 });
        Assert.Contains(results.Notices, n => n.Contains("adjusted", StringComparison.Ordinal));
        Assert.True(results.TotalCount > 0);
    }

    [Fact]
    public async Task Profile_edits_through_ef_are_searchable_at_once()
    {
        await using (var context = db.CreateDbContext())
        {
            var omar = await context.Profiles.Include(p => p.Skills).SingleAsync(p => p.Handle == DemoWorld.OmarHandle);
            var settings = ProfileSettings.Of(omar);
            omar.Update(settings with { Title = "Quantum zebracorn wrangler", Skills = [.. settings.Skills.Where(s => s != "REST APIs"), "Haskellish"] });
            await context.SaveChangesAsync();
        }

        var byTitle = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Text = "zebracorn" });
        Assert.Equal([DemoWorld.OmarHandle], byTitle.Tiles.Select(t => t.Handle));
        var bySkill = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Text = "haskellish" });
        Assert.Equal([DemoWorld.OmarHandle], bySkill.Tiles.Select(t => t.Handle));
        var oldSkill = await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Text = "apis omar" });
        Assert.Empty(oldSkill.Tiles);

        await using (var context = db.CreateDbContext())
        {
            await context.ProfileSkills.Where(s => s.ProfileId == context.Profiles.Single(p => p.Handle == DemoWorld.OmarHandle).Id).ExecuteDeleteAsync();
        }

        Assert.Empty((await OkAsync(DemoWorld.CarlEmail, new SearchQuery { Text = "haskellish" })).Tiles);
    }

    [Fact]
    public async Task Admins_may_search_and_see_full_names_but_no_boost()
    {
        var results = await OkAsync(DemoWorld.AdminEmail, new SearchQuery { Text = "fiona" });
        var fiona = Assert.Single(results.Tiles, t => t.Handle == DemoWorld.FionaHandle);
        Assert.Equal([DemoWorld.AcmeMobile, DemoWorld.GlobexDesign], fiona.CloudNames.Order());
        Assert.Null(fiona.RankingExplanation);
    }

    [Fact]
    public async Task Ties_break_by_profile_id_so_pages_never_overlap()
    {
        var first = await OkAsync(DemoWorld.MariaEmail, new SearchQuery { Text = "developer" });
        var all = await AllPagesAsync(DemoWorld.MariaEmail, new SearchQuery { Text = "developer" });
        Assert.True(first.PageCount > 1);
        Assert.Equal(first.TotalCount, all.Select(t => t.ProfileId).Distinct().Count());
        Assert.Equal(first.TotalCount, all.Count);
        // Boosted tiles form one block at the top, across page boundaries.
        var lastBoosted = all.FindLastIndex(t => t.RankingExplanation is not null);
        Assert.All(all.Take(lastBoosted + 1), t => Assert.NotNull(t.RankingExplanation));
    }

    [Fact]
    public async Task Skills_matched_order_holds_across_every_page()
    {
        // A larger world than the class's, so that "react" spans pages and splits into several groups.
        await using var big = await TestDatabase.CreateWithDemoWorldAsync(generatedProfiles: 300);
        var service = new TalentSearchService(big);
        var carl = await big.ActorAsync(DemoWorld.CarlEmail);
        var query = new SearchQuery { Text = "react native" };
        var all = new List<SearchTile>();
        for (var page = 1; ; page++)
        {
            var answer = await service.SearchAsync(carl, query with { Page = page });
            all.AddRange(answer.Results.Tiles);
            if (page >= answer.Results.PageCount)
            {
                break;
            }
        }

        Assert.True(all.Count > TalentSearchService.PageSize, $"the query must span pages ({all.Count} results)");
        await using var context = big.CreateDbContext();
        var ids = all.Select(t => t.ProfileId).ToList();
        var skills = await context.ProfileSkills.Where(s => ids.Contains(s.ProfileId)).ToListAsync();
        string[] candidates = ["react", "native", "react native"];
        var matched = all.Select(t => skills.Count(s => s.ProfileId == t.ProfileId && candidates.Contains(s.Name.ToLowerInvariant()))).ToList();

        // Carl is an ordinary client: no boost, so the whole list is ordered by skills matched, highest first.
        Assert.Equal(matched.OrderByDescending(m => m), matched);
        Assert.True(matched.Distinct().Count() > 1, "the data must hold more than one skills-matched group: " + string.Join(",", matched));
        Assert.Equal(all.Count, ids.Distinct().Count());
    }
}
