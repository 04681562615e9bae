using TalentCloud.Core.Removals;

namespace TalentCloud.Core.Seeding;

public sealed partial class DemoWorldSeeder
{
    /// <summary>Nina (Northwind Studio) has asked to leave Acme Pro Mobile Developers; the request waits for an admin.</summary>
    private async Task SeedRemovalsAsync(SeededWorld world, CancellationToken ct)
    {
        var nina = world.User(DemoWorld.NinaEmail);
        var requestedAt = world.Now.AddDays(-2);
        const string reason = "We are moving the studio away from client work for Acme.";
        db.RemovalRequests.Add(RemovalRequest.Open(world.AcmeMobile.Id, world.Northwind.Id, nina.Id, reason, requestedAt));
        db.AuditEntries.Add(Audit.AuditEntry.Create(nina.Id, nina.DisplayName, RemovalAuditActions.Requested,
            $"{world.Northwind.DisplayName} in {world.AcmeMobile.Name}", $"Requested; reason: {reason}", requestedAt,
            world.AcmeMobile.Id, world.Northwind.Id, world.Acme.Id));
        await db.SaveChangesAsync(ct);
    }
}
