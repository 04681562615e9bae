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

        var offer = Offer.Send(world.Globex.Id, world.GlobexDesign.Id, world.Lee.Id, LeeOfferTitle,
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
        await db.SaveChangesAsync(ct);
    }
}
