using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Core.Joining;

namespace TalentCloud.Tests.Core.Teams;

/// <summary>The demo world with the team, approval and subscription services, and the look-ups their tests share.</summary>
public abstract class TeamWorld : JoiningWorld
{
    protected TeamService Team => new(Db, Db.Clock);
    protected OfferApprovalService Approvals => new(Db, Db.Clock);
    protected SubscriptionService Subscriptions => new(Db, Db.Clock);
    protected OrgDashboardService Dashboards => new(Db, Clouds, Db.Clock);
    protected JobService Jobs => new(Db, Db.Clock);
    protected ProposalService Proposals => new(Db, Db.Clock);
    protected ConversationService Conversations => new(Db, Db.Clock);
    protected MessageService Messages => new(Db, Db.Clock);
    protected MyTalentCloudsService MyClouds => new(Db, Db.Clock);
    protected ProfileService Profiles => new(Db);

    protected Task<Actor> Rita => Db.ActorAsync(DemoWorld.RitaEmail);
    protected Task<Actor> Admin => Db.ActorAsync(DemoWorld.AdminEmail);

    protected Task<Actor> ActorAsync(string email) => Db.ActorAsync(email);

    protected async Task<string> UserIdAsync(string email)
    {
        await using var context = Db.CreateDbContext();
        return await context.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
    }

    protected async Task<int> OrganizationIdAsync(string name)
    {
        await using var context = Db.CreateDbContext();
        return await context.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    protected async Task<Organization> OrganizationAsync(string name)
    {
        await using var context = Db.CreateDbContext();
        return await context.Organizations.AsNoTracking().SingleAsync(o => o.Name == name);
    }

    protected async Task<OrganizationRole?> RoleOfAsync(string email, string organization)
    {
        var userId = await UserIdAsync(email);
        var orgId = await OrganizationIdAsync(organization);
        await using var context = Db.CreateDbContext();
        return await context.OrganizationMembers.Where(m => m.UserId == userId && m.OrganizationId == orgId).Select(m => (OrganizationRole?)m.Role)
            .SingleOrDefaultAsync();
    }

    protected async Task<Offer> OfferAsync(string title)
    {
        await using var context = Db.CreateDbContext();
        return await context.Offers.AsNoTracking().Include(o => o.Tasks).SingleAsync(o => o.Title == title);
    }

    protected Task<Offer> RitasOfferAsync() => OfferAsync(DemoWorldSeeder.RitaOfferTitle);

    protected async Task<int> AuditCountAsync(string action)
    {
        await using var context = Db.CreateDbContext();
        return await context.AuditEntries.CountAsync(e => e.Action == action);
    }

    protected async Task<int> NotificationCountAsync(string email, string titleStart)
    {
        var userId = await UserIdAsync(email);
        await using var context = Db.CreateDbContext();
        return await context.Notifications.CountAsync(n => n.UserId == userId && n.Title.StartsWith(titleStart));
    }

    /// <summary>The token of the newest invitation e-mail to an address, read from the outbox as the recipient would.</summary>
    protected async Task<string> TokenFromOutboxAsync(string address)
    {
        await using var context = Db.CreateDbContext();
        var html = await context.OutboxEmails.Where(e => e.ToAddress == address).OrderByDescending(e => e.Id).Select(e => e.HtmlBody).FirstAsync();
        const string marker = "token=";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = html.IndexOf('"', start);
        return Uri.UnescapeDataString(html[start..end]);
    }

    /// <summary>An offer drafted through the service by the given person (a recruiter's waits for approval).</summary>
    protected async Task<int> DraftOfferAsync(Actor author, string title, PayKind kind = PayKind.Hourly, int amount = 50,
        string cloud = DemoWorld.AcmeMobile, string profile = DemoWorld.OmarHandle)
    {
        var result = await Offers.CreateAsync(author, new OfferInput(await CloudIdAsync(cloud), await ProfileIdAsync(profile), title, "", kind, amount, []));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Value;
    }

    /// <summary>Joins a new colleague to Acme through the real invitation flow, and returns their actor.</summary>
    protected async Task<Actor> JoinAcmeAsync(string email, string name, OrganizationRole role)
    {
        Assert.True((await Team.InviteAsync(await Maria, email, role)).Succeeded);
        var token = await TokenFromOutboxAsync(email);
        await using var services = TalentCloud.Tests.Support.CoreServices.Build(Db);
        await using var scope = services.CreateAsyncScope();
        var joined = await scope.ServiceProvider.GetRequiredService<TeamJoinService>().RegisterAsync(token, name, "a long enough password");
        Assert.True(joined.Succeeded, string.Join(" ", joined.Errors));
        return await Db.ActorAsync(email);
    }
}
