using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TalentCloud.Core.Common;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared.Dialogs;

namespace TalentCloud.Tests.Components.Shared;

/// <summary>The confirmation and reason dialogs: they name what will happen, run the action once, and cancel cleanly.</summary>
public sealed class DialogTests : ComponentTestBase
{
    private IDialogService Dialogs => Services.GetRequiredService<IDialogService>();

    private int calls;

    private Task<Result> CountedAction()
    {
        calls++;
        return Task.FromResult(Result.Success);
    }

    private (IRenderedComponent<MudDialogProvider> Host, Task<bool> Answer) OpenConfirm(Func<Task<Result>>? action = null)
    {
        var host = RenderProviders();
        var answer = host.InvokeAsync(() => Dialogs.ConfirmAsync(new ConfirmRequest("Withdraw the offer?",
            "Lee Chen will no longer be able to accept it.", "Withdraw offer", action ?? CountedAction)
        {
            Destructive = true,
            SuccessMessage = "Offer withdrawn.",
        }));
        return (host, answer);
    }

    [Fact]
    public void The_confirmation_names_what_will_happen_and_is_an_accessible_dialog()
    {
        var (host, _) = OpenConfirm();
        var dialog = host.WaitForElement("[role=dialog]");
        Assert.Equal("Withdraw the offer?", dialog.GetAttribute("aria-label"));
        Assert.Contains("Lee Chen will no longer be able to accept it.", dialog.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Cancel", "Withdraw offer"], host.FindAll("[role=dialog] .mud-dialog-actions button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public async Task Cancel_closes_without_running_the_action()
    {
        var (host, answer) = OpenConfirm();
        host.WaitForElement("[role=dialog]");
        host.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.False(await answer);
        Assert.Equal(0, calls);
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
    }

    [Fact]
    public async Task Confirm_runs_the_action_once_and_reports_success()
    {
        var (host, answer) = OpenConfirm();
        host.WaitForElement("[role=dialog]");
        host.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Withdraw offer").Click();
        Assert.True(await answer);
        Assert.Equal(1, calls);
        Assert.Contains("Offer withdrawn.", Snackbars());
    }

    [Fact]
    public async Task A_refused_action_keeps_the_dialog_open_with_the_message()
    {
        var (host, answer) = OpenConfirm(() => Task.FromResult(Result.Failure("The offer was already accepted.")));
        host.WaitForElement("[role=dialog]");
        host.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Withdraw offer").Click();
        host.WaitForAssertion(() => Assert.Contains("The offer was already accepted.", host.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.False(answer.IsCompleted);
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task The_reason_dialog_passes_the_typed_text_and_keeps_it_when_refused()
    {
        var host = RenderProviders();
        var received = new List<string>();
        var answer = host.InvokeAsync(() => Dialogs.AskReasonAsync(new ReasonRequest("Reject this request?", "Fiona stays a member.",
            "Reason for the member", "Reject request", reason =>
            {
                received.Add(reason);
                return Task.FromResult(reason.Length < 5 ? Result.Failure("Give a longer reason.") : Result.Success);
            })));
        var textarea = host.WaitForElement("[role=dialog] textarea");
        textarea.Input("No");
        host.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Reject request").Click();
        host.WaitForAssertion(() => Assert.Contains("Give a longer reason.", host.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("No", host.Find("[role=dialog] textarea").GetAttribute("value") ?? host.Find("[role=dialog] textarea").TextContent);

        host.Find("[role=dialog] textarea").Input("Still under contract until June.");
        host.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Reject request").Click();
        Assert.True(await answer);
        Assert.Equal(["No", "Still under contract until June."], received);
    }

    [Fact]
    public async Task A_click_outside_cancels_the_reason_dialog_without_running_the_action()
    {
        var host = RenderProviders();
        var ran = false;
        var answer = host.InvokeAsync(() => Dialogs.AskReasonAsync(new ReasonRequest("Reject this request?", "Fiona stays a member.",
            "Reason for the member", "Reject request", _ =>
            {
                ran = true;
                return Task.FromResult(Result.Success);
            })));
        host.WaitForElement("[role=dialog]");
        // (Escape is handled by MudBlazor's script; the browser tests press it for real.)
        host.Find(".mud-overlay").Click();
        Assert.False(await answer);
        Assert.False(ran);
    }
}
