using Bunit;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Shared.Actions;

namespace TalentCloud.Tests.Components.Shared;

/// <summary>The download button: it asks its script for the address it was given and explains what the server answered.</summary>
public sealed class DownloadButtonTests : ComponentTestBase
{
    private const string Module = "./Components/Shared/Actions/DownloadButton.razor.js";

    private IRenderedComponent<DownloadButton> RenderButton() =>
        Render<DownloadButton>(p => p
            .Add(x => x.Href, "/files/report.json")
            .Add(x => x.SuccessMessage, "Report downloaded.")
            .Add(x => x.ChildContent, "Download the report"));

    [Fact]
    public void A_session_that_ended_is_explained_and_nothing_is_announced()
    {
        RenderProviders();
        JSInterop.SetupModule(Module).Setup<int>("download", "/files/report.json").SetResult(401);
        var cut = RenderButton();

        cut.Find("button").Click();

        cut.WaitForAssertion(() => Assert.Equal(DownloadButton.SignedOut, cut.Find("[role=alert]").TextContent.Trim()));
        Assert.Empty(Snackbars());
        Assert.Null(cut.Find("button").GetAttribute("disabled"));
    }

    [Fact]
    public void A_second_download_reuses_the_script_and_clears_the_last_failure()
    {
        RenderProviders();
        var module = JSInterop.SetupModule(Module);
        var first = module.Setup<int>("download", "/files/report.json");
        first.SetResult(500);
        var cut = RenderButton();
        cut.Find("button").Click();
        cut.WaitForAssertion(() => Assert.Contains("the server answered 500", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));

        module.Setup<int>("download", "/files/report.json").SetResult(200);
        cut.Find("button").Click();

        cut.WaitForAssertion(() => Assert.Contains("Report downloaded.", Snackbars()));
        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "import");
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(204, true)]
    [InlineData(429, false)]
    [InlineData(403, false)]
    [InlineData(0, false)]
    public void Only_a_success_status_counts_as_downloaded(int status, bool succeeded) =>
        Assert.Equal(succeeded, DownloadButton.Outcome(status).Succeeded);
}
