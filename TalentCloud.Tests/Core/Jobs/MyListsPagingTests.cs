using TalentCloud.Core.Connects;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core.Jobs;

/// <summary>The member's own lists by page: "My proposals" and the Connects ledger, and what each row lets them do.</summary>
public sealed class MyListsPagingTests : IAsyncLifetime
{
    private JobsTestWorld world = null!;

    public async ValueTask InitializeAsync() => world = await JobsTestWorld.CreateAsync();

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task My_proposals_come_by_page_newest_first_and_a_page_past_the_end_is_the_last()
    {
        var nina = await world.ActorAsync(DemoWorld.NinaEmail);
        var all = await world.Proposals.ListMineAsync(nina);

        var first = await world.Proposals.GetMinePageAsync(nina, page: 1, pageSize: 1);
        var second = await world.Proposals.GetMinePageAsync(nina, page: 2, pageSize: 1);
        var beyond = await world.Proposals.GetMinePageAsync(nina, page: 99, pageSize: 1);
        var before = await world.Proposals.GetMinePageAsync(nina, page: -3, pageSize: 1);

        Assert.Equal(2, all.Count);
        Assert.Equal((2, 2), (first.TotalCount, first.PageCount));
        Assert.Equal(all[0].Id, Assert.Single(first.Items).Id);
        Assert.Equal(all[1].Id, Assert.Single(second.Items).Id);
        Assert.Equal((2, all[1].Id), (beyond.Page, Assert.Single(beyond.Items).Id));
        Assert.Equal((1, all[0].Id), (before.Page, Assert.Single(before.Items).Id));
        Assert.Empty((await world.Proposals.GetMinePageAsync(await world.ActorAsync(DemoWorld.MariaEmail))).Items);
    }

    [Fact]
    public async Task Only_a_proposal_still_waiting_can_be_withdrawn()
    {
        var nina = await world.ActorAsync(DemoWorld.NinaEmail);
        var row = (await world.Proposals.ListMineAsync(nina))[0];
        Assert.True(row.CanWithdraw);

        Assert.True((await world.Proposals.WithdrawAsync(nina, row.Id)).Succeeded);

        var after = (await world.Proposals.ListMineAsync(nina)).Single(r => r.Id == row.Id);
        Assert.Equal(ProposalStatus.Withdrawn, after.Status);
        Assert.False(after.CanWithdraw);
        Assert.False((await world.Proposals.WithdrawAsync(nina, row.Id)).Succeeded);
    }

    [Fact]
    public async Task My_ledger_comes_by_page_with_the_balance_after_each_row()
    {
        var admin = await world.ActorAsync(DemoWorld.AdminEmail);
        Assert.True((await world.Connects.GrantAsync(admin, DemoWorld.FionaHandle, 3, "Thanks for the feedback")).Succeeded);
        var fiona = await world.ActorAsync(DemoWorld.FionaEmail);

        var newest = await world.Connects.GetMyAccountAsync(fiona, page: 1, pageSize: 1);
        var oldest = await world.Connects.GetMyAccountAsync(fiona, page: 50, pageSize: 1);

        Assert.Equal(13, newest!.Balance);
        Assert.Equal((1, 2, 2), (newest.Page, newest.PageCount, newest.TotalRows));
        var grant = Assert.Single(newest.Rows);
        Assert.Equal((3, 13, "Thanks for the feedback"), (grant.Amount, grant.Balance, grant.Reason));
        Assert.Equal(2, oldest!.Page);
        Assert.Equal((10, 10), (Assert.Single(oldest.Rows).Amount, oldest.Rows[0].Balance));
        Assert.Equal(2, (await world.Connects.GetMyAccountAsync(fiona))!.Rows.Count);
        Assert.Null(await world.Connects.GetMyAccountAsync(await world.ActorAsync(DemoWorld.MariaEmail)));
        Assert.Null(await world.Connects.GetMyAccountAsync(await world.ActorAsync(DemoVisibility.Visitor)));
    }
}
