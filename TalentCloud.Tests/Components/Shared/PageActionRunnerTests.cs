using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Common;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared.Actions;

namespace TalentCloud.Tests.Components.Shared;

/// <summary>The one way a page runs an action: busy state, snackbar on success, errors kept, exceptions contained.</summary>
public sealed class PageActionRunnerTests : ComponentTestBase
{
    private PageActionRunner Runner => Services.GetRequiredService<PageActionRunner>();

    [Fact]
    public async Task A_success_shows_its_message_as_a_snackbar_and_clears_old_errors()
    {
        var state = new ActionState();
        await Runner.RunAsync(state, () => Task.FromResult(Result.Failure("First try failed.")));
        Assert.Equal(["First try failed."], state.Errors);

        var ok = await Runner.RunAsync(state, () => Task.FromResult(Result.Success), "Saved.");
        Assert.True(ok);
        Assert.Empty(state.Errors);
        Assert.Contains("Saved.", Snackbars());
    }

    [Fact]
    public async Task A_refusal_keeps_core_messages_and_shows_no_snackbar()
    {
        var state = new ActionState();
        var ok = await Runner.RunAsync(state, () => Task.FromResult(Result.Failure("Title is required.", "Budget must be positive.")), "Saved.");
        Assert.False(ok);
        Assert.Equal(["Title is required.", "Budget must be positive."], state.Errors);
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task The_state_is_busy_while_the_action_runs()
    {
        var state = new ActionState();
        var release = new TaskCompletionSource<Result>();
        var running = Runner.RunAsync(state, () => release.Task);
        Assert.True(state.Busy);
        release.SetResult(Result.Success);
        await running;
        Assert.False(state.Busy);
    }

    [Fact]
    public async Task An_unexpected_exception_becomes_a_friendly_message_and_the_value_action_fails()
    {
        var state = new ActionState();
        var result = await Runner.RunAsync<int>(state, () => throw new InvalidOperationException("database is locked"), _ => "Created.");
        Assert.False(result.Succeeded);
        Assert.Equal([PageActionRunner.UnexpectedError], state.Errors);
        Assert.DoesNotContain("database is locked", string.Join(" ", state.Errors), StringComparison.Ordinal);
        Assert.False(state.Busy);
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task A_not_found_answer_sends_the_page_to_its_not_found_page()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        var notFound = 0;
        navigation.OnNotFound += (_, _) => notFound++;
        var state = new ActionState();

        var ok = await Runner.RunAsync(state, () => Task.FromResult(Result.NotFound("That offer does not exist.")), "Withdrawn.");

        Assert.False(ok);
        Assert.True(state.NotFound);
        Assert.Equal(1, notFound);
        Assert.Empty(Snackbars());
        await Runner.RunAsync(state, () => Task.FromResult(Result.Failure("Only the freelancer can decline this offer.")));
        Assert.False(state.NotFound);
        Assert.Equal(1, notFound);
    }
}
