using TalentCloud.Core.Help;

namespace TalentCloud.Core.Seeding;

public sealed partial class DemoWorldSeeder
{
    /// <summary>Nina asked support a question a day ago; it waits in the admin's support queue.</summary>
    private async Task SeedSupportAsync(SeededWorld world, CancellationToken ct)
    {
        db.SupportRequests.Add(SupportRequest.Open(world.User(DemoWorld.NinaEmail).Id, SupportCategory.Account,
            "Two of our project leads should be able to answer invitations for Northwind Studio. Can the agency profile have more than one person?",
            HelpArticles.WaysToJoin, world.Now.AddDays(-1)));
        await db.SaveChangesAsync(ct);
    }
}
