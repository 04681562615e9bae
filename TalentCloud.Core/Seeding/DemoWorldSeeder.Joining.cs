using TalentCloud.Core.Clouds;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Offers;

namespace TalentCloud.Core.Seeding;

/// <summary>Joining: Acme Data Guild's criteria, omar's pending invitation, and Globex's offer to lee with onboarding tasks.</summary>
public sealed partial class DemoWorldSeeder
{
    /// <summary>The countries Acme Data Guild accepts members from (legal requirements of Acme's data contracts).</summary>
    public static readonly IReadOnlyList<string> AcmeDataCountries = ["US", "CA", "GB", "DE", "SG"];

    public const string LeeOfferTitle = "Dashboard design for the turbine monitoring suite";

    private async Task SeedJoiningAsync(SeededWorld world, CancellationToken ct)
    {
        world.AcmeData.SetCriteria(CloudCriteria.None with { RequiredSkills = ["SQL"], AllowedCountries = AcmeDataCountries });

        var maria = world.User(DemoWorld.MariaEmail);
        var hank = world.User(DemoWorld.HankEmail);
        db.Invitations.Add(Invitation.Create(world.AcmeData.Id, world.Omar.Id, maria.Id,
            "We are growing our data team's reserve for next year's warehouse migration. Your PostgreSQL work caught our eye.",
            world.Now.AddDays(-2)));

        var offer = Offer.Send(world.Globex.Id, world.GlobexDesign.Id, world.Lee.Id, proposalId: null, LeeOfferTitle,
            "Design the data-heavy dashboards operators use to watch turbine fleets: information architecture, charts and alert views.",
            PayKind.Hourly, 85,
            [
                (OnboardingTaskKind.Agreement, "Globex contractor agreement",
                    "You keep Globex's plant data confidential, work only on Globex systems you are given access to, "
                    + "and assign the designs made under this contract to Globex. Either side may end the contract with 14 days' notice."),
                (OnboardingTaskKind.BackgroundCheck, "Background check", ""),
            ],
            hank.Id, world.Now.AddDays(-1));
        offer.Submit(approvalReason: null, offer.CreatedAt);
        db.Offers.Add(offer);
        // Each cloud's standard onboarding tasks: an offer that hires from a proposal into the cloud comes with them.
        AddOnboardingTasks(world.AcmeData,
            new OnboardingTaskInput(OnboardingTaskKind.Agreement, "Acme data handling agreement",
                "You handle Acme customer data only on systems Acme provides, keep it inside the EU and US regions, and delete local copies when a task ends."),
            new OnboardingTaskInput(OnboardingTaskKind.DocumentAcknowledgement, "Warehouse access policy",
                "Access to the Acme data warehouse is personal, logged and reviewed monthly. Queries that export more than 10,000 customer rows need a ticket."));
        AddOnboardingTasks(world.AcmeMobile,
            new OnboardingTaskInput(OnboardingTaskKind.Agreement, "Acme mobile contractor agreement",
                "Code written for Acme apps belongs to Acme; you use Acme's signing keys only on the build servers you are given."));
        AddOnboardingTasks(world.GlobexDesign,
            new OnboardingTaskInput(OnboardingTaskKind.Agreement, "Globex contractor agreement",
                "You keep Globex's plant data confidential and assign the designs made under the contract to Globex."),
            new OnboardingTaskInput(OnboardingTaskKind.BackgroundCheck, "Background check", ""));
        await db.SaveChangesAsync(ct);
    }

    private void AddOnboardingTasks(Clouds.Cloud cloud, params OnboardingTaskInput[] tasks) =>
        db.CloudOnboardingTasks.AddRange(tasks.Select((t, i) => Clouds.CloudOnboardingTask.From(cloud.Id, i + 1, t)));
}
