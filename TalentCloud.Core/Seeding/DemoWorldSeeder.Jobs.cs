using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;

namespace TalentCloud.Core.Seeding;

/// <summary>Jobs, proposals and Connects in the demo world.</summary>
public sealed partial class DemoWorldSeeder
{
    private async Task SeedJobsAsync(SeededWorld world, CancellationToken ct)
    {
        // Every freelancer and agency gets the welcome grant, as registration gives it.
        var profileIds = await db.Profiles.Select(p => p.Id).ToListAsync(ct);
        foreach (var id in profileIds)
        {
            ConnectsService.AddStartingGrant(db, id, world.Now.AddDays(-90));
        }

        var maria = world.User(DemoWorld.MariaEmail);
        var raj = world.User(DemoWorld.RajEmail);
        var hank = world.User(DemoWorld.HankEmail);
        var carl = world.User(DemoWorld.CarlEmail);

        // Public jobs from all three clients (12, so the list has a second page).
        AddJob(world.Acme, null, maria, 14, DemoWorld.AcmeIosJob,
            "Acme's delivery app needs an experienced iOS developer to rebuild checkout in SwiftUI and improve start-up time.",
            BudgetType.Hourly, 90, ExperienceLevel.Expert, "Swift", "iOS", "Mobile");
        AddJob(world.Acme, null, raj, 12, "Data pipeline clean-up in Airflow",
            "Tidy up thirty Airflow DAGs, add tests and document how the nightly loads depend on each other.",
            BudgetType.Fixed, 3_000, ExperienceLevel.Intermediate, "Python", "Airflow", "SQL");
        AddJob(world.Acme, null, raj, 6, "Accessibility audit of our Android app",
            "Check the Android app against WCAG 2.2 AA and write a prioritised list of fixes with examples.",
            BudgetType.Fixed, 1_200, ExperienceLevel.Intermediate, "Android", "Accessibility", "Mobile");
        AddJob(world.Globex, null, hank, 13, DemoWorld.GlobexUxJob,
            "Review the operator dashboard of our turbine monitoring product and propose a clearer layout for alarms.",
            BudgetType.Fixed, 8_000, ExperienceLevel.Expert, "UX", "Figma", "UI Design");
        AddJob(world.Globex, null, hank, 9, "Illustrations for a product brochure",
            "Six line illustrations of industrial equipment in our brand colours, delivered as SVG.",
            BudgetType.Fixed, 400, ExperienceLevel.Entry, "Illustration", "Figma");
        AddJob(world.Globex, null, hank, 4, "Technical writer for installation guides",
            "Turn engineering notes into clear installation guides for field technicians.",
            BudgetType.Hourly, 45, ExperienceLevel.Intermediate, "Technical Writing", "Documentation");
        AddJob(world.Acme, null, maria, 3, DemoWorld.AcmeLoyaltyApiJob,
            "Add partner rewards to the loyalty API behind the Acme apps: new endpoints in C# and .NET, PostgreSQL migrations and tests.",
            BudgetType.Hourly, 60, ExperienceLevel.Intermediate, "C#", ".NET", "PostgreSQL");
        AddJob(world.Initech, null, carl, 11, DemoWorld.InitechApiJob,
            "Extend our account-statement API in C# and .NET: new endpoints, tests and a migration for PostgreSQL.",
            BudgetType.Hourly, 70, ExperienceLevel.Intermediate, "C#", ".NET", "REST APIs");
        AddJob(world.Initech, null, carl, 10, "Fix a flaky PostgreSQL report",
            "A monthly report sometimes times out. Find the slow query and fix it.",
            BudgetType.Fixed, 300, ExperienceLevel.Entry, "PostgreSQL", "SQL");
        AddJob(world.Initech, null, carl, 8, "React Native developer for a mobile banking app",
            "Build the card-management screens of our banking app in React Native, with biometric sign-in.",
            BudgetType.Hourly, 85, ExperienceLevel.Expert, "React Native", "Mobile");
        AddJob(world.Initech, null, carl, 7, "TPS report generator",
            "Replace a spreadsheet macro that builds the weekly TPS reports with a small web tool.",
            BudgetType.Fixed, 2_500, ExperienceLevel.Intermediate, "C#", "Blazor");
        AddJob(world.Initech, null, carl, 3, "Dashboard in Power BI",
            "Build a Power BI dashboard from our existing SQL Server views for the branch managers.",
            BudgetType.Hourly, 55, ExperienceLevel.Intermediate, "Power BI", "SQL");
        AddJob(world.Initech, null, carl, 2, "QA tester for a release weekend",
            "Run our manual test plan on web and mobile over one weekend and report what breaks.",
            BudgetType.Hourly, 25, ExperienceLevel.Entry, "Testing", "QA");

        // Cloud jobs: two for Acme Pro Mobile Developers, one for Globex Design Collective.
        AddJob(world.Acme, world.AcmeMobile.Id, maria, 5, DemoWorld.AcmeKotlinCloudJob,
            "Add offline mode and push notifications to the Acme Rewards Android app. Members of our mobile cloud only.",
            BudgetType.Hourly, 95, ExperienceLevel.Expert, "Kotlin", "Android", "Mobile");
        AddJob(world.Acme, world.AcmeMobile.Id, raj, 1, DemoWorld.AcmeFlutterCloudJob,
            "A four-week Flutter prototype of a barcode scanner for warehouse staff.",
            BudgetType.Fixed, 6_000, ExperienceLevel.Intermediate, "Flutter", "Mobile");
        AddJob(world.Globex, world.GlobexDesign.Id, hank, 2, DemoWorld.GlobexDesignCloudJob,
            "Refresh the components of the Globex control-panel design system in Figma and document them.",
            BudgetType.Fixed, 12_000, ExperienceLevel.Expert, "Figma", "UI Design", "Design Systems");

        // Posted to the cloud five days ago, "then public after 3 days": open to everyone for two days now.
        AddJob(world.Acme, world.AcmeMobile.Id, raj, 5, DemoWorld.AcmeOpenedCloudFirstJob,
            "Read through the offline sync module of the Acme Rewards Android app and write down what could lose a customer's points.",
            BudgetType.Fixed, 450, ExperienceLevel.Intermediate, publicAfterDays: 3, "Android", "Code Review", "Mobile");
        await db.SaveChangesAsync(ct);

        // Omar applied to two public jobs; a bonus keeps his balance at 6 for trying the opened cloud-first job.
        db.ConnectsEntries.Add(ConnectsEntry.Grant(world.Omar.Id, 4, "Bonus for completing your profile", world.Now.AddDays(-20), null));
        var jobs = await db.Jobs.ToDictionaryAsync(j => j.Title, ct);
        await AddProposalAsync(jobs[DemoWorld.InitechApiJob], world.Omar, 10,
            "I have built statement APIs for two banks in C# and .NET and can start on Monday.", 60, ct);
        await AddProposalAsync(jobs[DemoWorld.AcmeLoyaltyApiJob], world.Omar, 2,
            "I design PostgreSQL schemas and .NET APIs for a living; partner rewards sound like a clean extension of your ledger.", 58, ct);
        await AddProposalAsync(jobs["Data pipeline clean-up in Airflow"], world.Lee, 9,
            "Airflow is my daily tool; I would start by mapping the DAG dependencies and adding tests.", 2_800, ct);
        await AddProposalAsync(jobs["React Native developer for a mobile banking app"], world.Northwind, 6,
            "Our studio has shipped three banking apps in React Native; two of our developers are free now.", 110, ct);
        await AddProposalAsync(jobs[DemoWorld.AcmeKotlinCloudJob], world.Northwind, 4,
            "We built the first version of Acme Rewards and know its code well.", 120, ct);
        await AddProposalAsync(jobs[DemoWorld.GlobexDesignCloudJob], world.Fiona, 1,
            "I maintained a design system for a control-room product and would love to refresh yours.", 11_500, ct);
    }

    private void AddJob(Organizations.Organization org, int? cloudId, AppUser postedBy, int daysAgo, string title, string description,
        BudgetType budgetType, int budget, ExperienceLevel level, params string[] skills) =>
        AddJob(org, cloudId, postedBy, daysAgo, title, description, budgetType, budget, level, null, skills);

    private void AddJob(Organizations.Organization org, int? cloudId, AppUser postedBy, int daysAgo, string title, string description,
        BudgetType budgetType, int budget, ExperienceLevel level, int? publicAfterDays, params string[] skills)
    {
        var postedAt = clock.GetUtcNow().AddDays(-daysAgo);
        db.Jobs.Add(Job.Post(org.Id, cloudId, title, description, budgetType, budget, level, skills, postedBy.Id, postedAt,
            publicAfterDays is int days ? postedAt.AddDays(days) : null));
    }

    private async Task AddProposalAsync(Job job, Profile profile, int daysAgo, string coverLetter, int bid, CancellationToken ct)
    {
        var at = clock.GetUtcNow().AddDays(-daysAgo);
        // Demo proposals to cloud jobs come from the cloud's members.
        var cost = ConnectsPricing.ProposalCost(job.CloudId is not null, job.BudgetType, job.Budget);
        var proposal = Proposal.Submit(job.Id, profile.Id, profile.OwnerUserId, coverLetter, bid, cost, at);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        if (cost > 0)
        {
            db.ConnectsEntries.Add(ConnectsEntry.Spend(profile.Id, cost, $"Proposal to \"{job.Title}\"", at, proposal.Id, profile.OwnerUserId));
        }
    }
}
