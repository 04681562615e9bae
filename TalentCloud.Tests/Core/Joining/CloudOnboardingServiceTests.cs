using TalentCloud.Core.Clouds;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Joining;

public sealed class CloudOnboardingServiceTests : JoiningWorld
{
    private CloudOnboardingService Onboarding => new(Db, Db.Clock);

    [Fact]
    public async Task The_owner_sets_a_clouds_tasks_and_the_next_offer_from_a_proposal_brings_them()
    {
        var maria = await Maria;
        var cloud = await CloudIdAsync(DemoWorld.AcmeMobile);
        OnboardingTaskInput[] tasks =
        [
            new(OnboardingTaskKind.BackgroundCheck, "Background check", ""),
            new(OnboardingTaskKind.DocumentAcknowledgement, "App store release policy", "Releases go out on Tuesdays after QA sign-off."),
        ];

        Assert.True((await Onboarding.SetAsync(maria, cloud, tasks)).Succeeded);

        var view = await Onboarding.GetAsync(await Raj, cloud);
        Assert.Equal(tasks.Select(t => t.Title), view!.Tasks.Select(t => t.Title));
        Assert.False(view.CanEdit);
        Assert.True((await Onboarding.GetAsync(maria, cloud))!.CanEdit);
        Assert.Equal(1, await CountAsync(c => c.AuditEntries.Where(a => a.Action == "cloud.onboarding_tasks_set" && a.CloudId == cloud)));
    }

    [Fact]
    public async Task Only_the_owner_sets_them_and_other_organisations_do_not_see_them()
    {
        var cloud = await CloudIdAsync(DemoWorld.AcmeData);
        var before = (await Onboarding.GetAsync(await Maria, cloud))!.Tasks;
        OnboardingTaskInput[] tasks = [new(OnboardingTaskKind.Agreement, "New agreement", "Text")];

        Assert.Equal([CloudOnboardingService.OnlyOwnerSets], (await Onboarding.SetAsync(await Raj, cloud, tasks)).Errors);
        Assert.Equal([CloudAccess.NotFound], (await Onboarding.SetAsync(await Hank, cloud, tasks)).Errors);
        Assert.Null(await Onboarding.GetAsync(await Hank, cloud));
        Assert.Null(await Onboarding.GetAsync(await Omar, cloud));
        Assert.Equal(before, (await Onboarding.GetAsync(await Maria, cloud))!.Tasks);
    }

    [Fact]
    public async Task Bad_tasks_are_refused_and_the_old_ones_stay()
    {
        var maria = await Maria;
        var cloud = await CloudIdAsync(DemoWorld.AcmeData);
        var before = (await Onboarding.GetAsync(maria, cloud))!.Tasks;

        var result = await Onboarding.SetAsync(maria, cloud,
        [
            new(OnboardingTaskKind.Agreement, "", "Text"),
            new(OnboardingTaskKind.DocumentAcknowledgement, "Policy", ""),
            new((OnboardingTaskKind)9, "Odd", "Text"),
        ]);

        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(before, (await Onboarding.GetAsync(maria, cloud))!.Tasks);
        Assert.Equal([$"At most {Offer.MaxTasks} onboarding tasks."],
            (await Onboarding.SetAsync(maria, cloud, [.. Enumerable.Range(0, 11).Select(i => new OnboardingTaskInput(OnboardingTaskKind.Agreement, $"A{i}", "T"))])).Errors);
    }

    [Fact]
    public async Task Two_saves_at_once_leave_one_of_the_two_sets_never_both_mixed()
    {
        var maria = await Maria;
        var cloud = await CloudIdAsync(DemoWorld.AcmeMobile);
        OnboardingTaskInput[] Set(string name, int count) =>
            [.. Enumerable.Range(1, count).Select(i => new OnboardingTaskInput(OnboardingTaskKind.Agreement, $"{name} {i}", $"Terms {i} of {name}."))];

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Onboarding.SetAsync(maria, cloud, Set(i % 2 == 0 ? "Even" : "Odd", 2 + (i % 2))))));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors)));
        var titles = (await Onboarding.GetAsync(maria, cloud))!.Tasks.Select(t => t.Title).ToList();
        Assert.True(titles.SequenceEqual(Set("Even", 2).Select(t => t.Title)) || titles.SequenceEqual(Set("Odd", 3).Select(t => t.Title)), string.Join(", ", titles));
    }
}
