using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;

namespace TalentCloud.Core.Seeding;

/// <summary>Teams: rita's offer to lee waiting for an Acme approver, and maria's pending invitation of a colleague.</summary>
public sealed partial class DemoWorldSeeder
{
    public const string RitaOfferTitle = "Data quality dashboards for the Acme warehouse";
    public const string PendingColleagueEmail = "sam@acme.test";

    private async Task SeedTeamsAsync(SeededWorld world, CancellationToken ct)
    {
        var rita = world.User(DemoWorld.RitaEmail);
        var offer = Offer.Send(world.Acme.Id, world.AcmeData.Id, world.Lee.Id, proposalId: null, RitaOfferTitle,
            "Build the dashboards Acme's data stewards use to watch freshness and row-level checks across the warehouse.",
            PayKind.Hourly, 70,
            [
                (OnboardingTaskKind.Agreement, "Acme data handling agreement",
                    "You work only on the anonymised warehouse copies Acme gives you access to and delete local extracts when the contract ends."),
            ],
            rita.Id, world.Now.AddHours(-5));
        offer.Submit(OfferApprovals.ReasonFor(OrganizationRole.Recruiter, world.Acme, offer.PayKind, offer.Amount), offer.CreatedAt);
        db.Offers.Add(offer);

        // A colleague maria invited three days ago: the team page shows it with "Resend" and "Withdraw". The link is in the outbox.
        var maria = world.User(DemoWorld.MariaEmail);
        var (token, hash) = TeamInvitation.NewToken();
        var sentAt = world.Now.AddDays(-3);
        var invitation = TeamInvitation.Create(world.Acme.Id, PendingColleagueEmail, OrganizationRole.HiringManager, maria.Id, hash, sentAt);
        db.TeamInvitations.Add(invitation);
        TeamService.QueueInvitationEmail(db, invitation, token, maria.DisplayName, world.Acme.Name);
        await db.SaveChangesAsync(ct);
    }
}
