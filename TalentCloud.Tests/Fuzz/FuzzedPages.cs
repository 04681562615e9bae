using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Account.Pages;
using TalentCloud.Web.Components.Pages.Admin;
using TalentCloud.Web.Components.Pages.Connects;
using TalentCloud.Web.Components.Pages.Help;
using TalentCloud.Web.Components.Pages.Jobs;
using TalentCloud.Web.Components.Pages.Messages;
using TalentCloud.Web.Components.Pages.Notifications;
using TalentCloud.Web.Components.Pages.Offers;
using TalentCloud.Web.Components.Pages.Org;
using TalentCloud.Web.Components.Pages.Org.Dashboard;
using TalentCloud.Web.Components.Pages.Org.Team;
using TalentCloud.Web.Components.Pages.Profiles;
using TalentCloud.Web.Components.Pages.Proposals;
using TalentCloud.Web.Components.Pages.Search;

namespace TalentCloud.Tests.Fuzz;

/// <summary>
/// A routable page the address fuzz test tries: its route template (as in its <c>@page</c>), the demo account that may
/// use it, the query parameters it reads, and for each route parameter a real demo value and one that names nothing.
/// </summary>
public sealed record FuzzedPage(Type Component, string Template, string Viewer, IReadOnlyList<string> Query, IReadOnlyList<FuzzedRouteValue> Route)
{
    public override string ToString() => $"{Template} as {Viewer}";
}

/// <summary>A route parameter: a demo value the viewer may open, and a value of the right form that names nothing.</summary>
public sealed record FuzzedRouteValue(string Name, Func<DemoRouteValues, string> Real, string Missing);

/// <summary>
/// Every routable page that reads a query parameter or a route value. A page added with either must be listed here:
/// <see cref="FuzzedPagesListTests"/> fails until it is, and the address fuzz test then tries it.
/// </summary>
public static class FuzzedPages
{
    private const string Visitor = DemoVisibility.Visitor;

    private static FuzzedPage Page<TPage>(string template, string viewer, string[] query, params FuzzedRouteValue[] route) =>
        new(typeof(TPage), template, viewer, query, route);

    private static FuzzedRouteValue Id(string name, Func<DemoRouteValues, int> real) =>
        new(name, d => real(d).ToString(System.Globalization.CultureInfo.InvariantCulture), "999999");

    public static readonly IReadOnlyList<FuzzedPage> All =
    [
        // Account pages (static forms) reading the address.
        Page<Login>("/Account/Login", Visitor, ["ReturnUrl"]),
        Page<Register>("/Account/Register", Visitor, ["ReturnUrl"]),
        Page<ConfirmEmail>("/Account/ConfirmEmail", Visitor, ["UserId", "Code"]),
        Page<ResetPassword>("/Account/ResetPassword", Visitor, ["Code"]),
        Page<JoinTeam>("/Account/JoinTeam", Visitor, ["token"]),

        // Public pages.
        Page<JobsPage>("/jobs", Visitor, ["q", "skill", "sort", "page"]),
        Page<JobPage>("/jobs/{Id:int}", Visitor, [], Id("Id", d => d.PublicJob)),
        Page<HelpCentrePage>("/help", Visitor, ["for"]),
        Page<SupportPage>("/support", DemoWorld.FionaEmail, ["article"]),
        Page<HelpArticlePage>("/help/{Slug}", Visitor, [], new FuzzedRouteValue("Slug", d => d.HelpSlug, "no-such-article")),
        Page<ProfilePage>("/freelancers/{Handle}", Visitor, [], new FuzzedRouteValue("Handle", _ => DemoWorld.FionaHandle, "no-such-person")),
        Page<ProfilePage>("/agencies/{Handle}", DemoWorld.MariaEmail, [], new FuzzedRouteValue("Handle", _ => DemoWorld.NorthwindHandle, "no-such-agency")),

        // Talent side.
        Page<CloudJobsPage>("/my/talent-clouds/jobs", DemoWorld.FionaEmail, ["page"]),
        Page<MyProposalsPage>("/my/proposals", DemoWorld.FionaEmail, ["page"]),
        Page<MyConnectsPage>("/my/connects", DemoWorld.FionaEmail, ["page"]),
        Page<MessagesPage>("/messages", DemoWorld.FionaEmail, ["page"]),
        Page<ConversationPage>("/messages/{ConversationId:int}", DemoWorld.FionaEmail, [], Id("ConversationId", d => d.AcmeFionaConversation)),
        Page<NotificationsPage>("/notifications", DemoWorld.FionaEmail, ["cloud", "unread", "page"]),
        Page<OfferPage>("/offers/{Id:int}", DemoWorld.LeeEmail, [], Id("Id", d => d.GlobexLeeOffer)),

        // Hiring side.
        Page<SearchPage>("/search", DemoWorld.MariaEmail, ["q", "skills", "country", "min", "max", "kind", "mine", "cloud", "page"]),
        Page<OrganizationJobsPage>("/org/jobs", DemoWorld.MariaEmail, ["page"]),
        Page<JobProposalsPage>("/org/jobs/{Id:int}/proposals", DemoWorld.MariaEmail, [], Id("Id", d => d.AcmeJob)),
        Page<OrgCloudPage>("/org/clouds/{Id:int}", DemoWorld.MariaEmail, ["q", "status", "sort", "desc", "page"], Id("Id", d => d.AcmeCloud)),
        Page<NewOfferPage>("/org/offers/new", DemoWorld.MariaEmail, ["profile"]),
        Page<OrgDashboardPage>("/org", DemoWorld.MariaEmail, ["approvals"]),
        Page<OrgTeamPage>("/org/team", DemoWorld.MariaEmail, ["people", "invitations"]),

        // Platform admin.
        Page<AdminOrganizationsPage>("/admin/organizations", DemoWorld.AdminEmail, ["name", "page"]),
        Page<AdminSupportPage>("/admin/support", DemoWorld.AdminEmail, ["status", "topic", "page"]),
        Page<AdminAuditPage>("/admin/audit", DemoWorld.AdminEmail, ["action", "actor", "from", "to", "text", "page"]),
        Page<AdminOutboxPage>("/admin/outbox", DemoWorld.AdminEmail, ["q", "unsent", "page"]),
        Page<AdminRemovalsPage>("/admin/removals", DemoWorld.AdminEmail, ["status", "org", "member", "sort", "desc", "page"]),
    ];
}
