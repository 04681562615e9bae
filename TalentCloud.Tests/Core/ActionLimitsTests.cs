using TalentCloud.Core.Common;

namespace TalentCloud.Tests.Core;

public sealed class ActionLimitsTests
{
    public static TheoryData<LimitedAction> Actions() => [.. Enum.GetValues<LimitedAction>()];

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_limited_action_has_a_default_and_its_own_words(LimitedAction action)
    {
        var limit = ActionLimits.DefaultFor(action);
        Assert.InRange(limit.Count, 1, 1000);
        Assert.True(limit.Window > TimeSpan.Zero);
        Assert.NotNull(ActionLimiter.Verb(action));
    }

    [Fact]
    public void The_refusal_says_the_limit_and_when_to_try_again()
    {
        Assert.Equal("You have sent offers too often: at most 20 in an hour. Try again in 1 minute; nothing was sent.",
            ActionLimiter.Refusal(LimitedAction.Offer, new ActionLimit(20, TimeSpan.FromHours(1)), TimeSpan.FromSeconds(20)));
        Assert.Equal("You have sent proposals too often: at most 5 in 10 minutes. Try again in 7 minutes; nothing was sent.",
            ActionLimiter.Refusal(LimitedAction.Proposal, new ActionLimit(5, TimeSpan.FromMinutes(10)), TimeSpan.FromMinutes(6.5)));
    }

    [Fact]
    public void Configured_limits_replace_the_defaults_they_name_and_scaling_multiplies_every_count()
    {
        var limits = new ActionLimits(new Dictionary<LimitedAction, ActionLimit> { [LimitedAction.Offer] = new(2, TimeSpan.FromMinutes(5)) });
        Assert.Equal(new ActionLimit(2, TimeSpan.FromMinutes(5)), limits.For(LimitedAction.Offer));
        Assert.Equal(ActionLimits.DefaultFor(LimitedAction.Proposal), limits.For(LimitedAction.Proposal));
        Assert.Equal(ActionLimits.DefaultFor(LimitedAction.Proposal).Count * 10, limits.Scaled(10).For(LimitedAction.Proposal).Count);
    }
}
