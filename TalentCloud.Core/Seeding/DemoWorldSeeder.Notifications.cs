using TalentCloud.Core.Notifications;

namespace TalentCloud.Core.Seeding;

public sealed partial class DemoWorldSeeder
{
    /// <summary>A few unread items so the notification centre and the top-bar count have something to show at once.</summary>
    private async Task SeedNotificationsAsync(SeededWorld world, CancellationToken ct)
    {
        var fiona = world.User(DemoWorld.FionaEmail);
        NotificationEvents.Personal(db, fiona.Id, NotificationKind.MembershipApproved,
            $"You joined {DemoWorld.GlobexDesign}",
            $"Your contract with {DemoWorld.Globex} placed you in {DemoWorld.GlobexDesign}. Choose how often you hear about its jobs under Settings › Notification settings.",
            "/settings/notifications", world.Now.AddDays(-25), world.GlobexDesign.Id);
        var nina = world.User(DemoWorld.NinaEmail);
        NotificationEvents.Personal(db, nina.Id, NotificationKind.General,
            "Notification settings per Talent Cloud",
            "You can now choose Instant, Twice a day, Daily or Never for each Talent Cloud you belong to.",
            "/settings/notifications", world.Now.AddDays(-1));
        await db.SaveChangesAsync(ct);
    }
}
