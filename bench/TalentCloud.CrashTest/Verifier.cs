using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Memberships;

namespace TalentCloud.CrashTest;

/// <summary>
/// After a kill: the file passes <c>PRAGMA integrity_check</c>; every acknowledged action is in the database; and no
/// action the run made is partial — a proposal without its Connects charge or audit entry, a charge without its
/// proposal, an accepted invitation without its membership, an approved member without the approval's audit entry,
/// a message or job without its audit entry. Prints one tab-separated line of counts.
/// </summary>
internal static class Verifier
{
    public static async Task<bool> RunAsync(string databasePath, string acksPath, string label)
    {
        var baseline = JsonSerializer.Deserialize<Baseline>(await File.ReadAllTextAsync(CrashWorld.BaselinePath(databasePath)))!;
        string integrity;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            integrity = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
        }

        // Complete lines only: a line the kill cut short was never acknowledged.
        var text = File.Exists(acksPath) ? await File.ReadAllTextAsync(acksPath) : "";
        var lines = text.Split('\n');
        var acked = lines.Take(lines.Length - 1).Select(l => l.Split(' ')).GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => g.Select(p => long.Parse(p[1], CultureInfo.InvariantCulture)).ToHashSet());
        HashSet<long> Acked(string kind) => acked.GetValueOrDefault(kind) ?? [];

        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString()).Options);
        var clouds = baseline.CloudIds.ToList();
        var jobs = (await db.Jobs.Where(j => j.Id > baseline.JobId).Select(j => (long)j.Id).ToListAsync()).ToHashSet();
        var proposals = await db.Proposals.Where(p => p.Id > baseline.ProposalId).Select(p => new { p.Id, p.ConnectsSpent }).ToListAsync();
        var spends = await db.ConnectsEntries.Where(e => e.Kind == ConnectsEntryKind.Spend && e.ProposalId > baseline.ProposalId)
            .Select(e => new { ProposalId = e.ProposalId!.Value, e.Amount }).ToListAsync();
        var messages = await db.Messages.Where(m => m.Id > baseline.MessageId).Select(m => new { m.Id, m.ConversationId }).ToListAsync();
        var invitations = await db.Invitations.Where(i => i.Id > baseline.InvitationId).Select(i => new { i.Id, i.CloudId, i.ProfileId, i.Status }).ToListAsync();
        var memberships = await db.CloudMemberships.Where(m => clouds.Contains(m.CloudId)).Select(m => new { m.Id, m.CloudId, m.ProfileId, m.Status }).ToListAsync();
        var audit = await db.AuditEntries.Where(e => e.Id > baseline.AuditId).Select(e => new { e.Action, e.Subject, e.CloudId, e.ProfileId }).ToListAsync();

        var auditCount = audit.GroupBy(e => e.Action).ToDictionary(g => g.Key, g => g.Count());
        var auditPairs = audit.Where(e => e.CloudId != null && e.ProfileId != null)
            .Select(e => (e.Action, Cloud: e.CloudId!.Value, Profile: e.ProfileId!.Value)).ToHashSet();
        var proposalAudits = audit.Where(e => e.Action == "proposal.submitted").Select(e => e.Subject.Split(' ')[1]).ToHashSet();
        var messageAudits = audit.Where(e => e.Action == "message.sent").GroupBy(e => e.Subject.Split(':')[0]).ToDictionary(g => g.Key, g => g.Count());

        var lost = 0;
        lost += Acked("job").Count(id => !jobs.Contains(id));
        lost += Acked("proposal").Count(id => proposals.All(p => p.Id != id));
        lost += Acked("message").Count(id => messages.All(m => m.Id != id));
        lost += Acked("invitation").Count(id => invitations.All(i => i.Id != id));
        lost += Acked("accepted").Count(id => !invitations.Any(i => i.Id == id && i.Status == InvitationStatus.Accepted));
        lost += Acked("approved").Count(id => !memberships.Any(m => m.Id == id && m.Status == MembershipStatus.Active));

        var spendByProposal = spends.GroupBy(s => s.ProposalId).ToDictionary(g => g.Key, g => g.ToList());
        var partial = 0;
        partial += proposals.Count(p => p.ConnectsSpent > 0 && (!spendByProposal.TryGetValue(p.Id, out var s) || s.Count != 1 || s[0].Amount != -p.ConnectsSpent));
        partial += spends.Count(s => proposals.All(p => p.Id != s.ProposalId));
        partial += proposals.Count(p => !proposalAudits.Contains(p.Id.ToString(CultureInfo.InvariantCulture)));
        partial += invitations.Count(i => i.Status == InvitationStatus.Accepted
            && (!memberships.Any(m => m.CloudId == i.CloudId && m.ProfileId == i.ProfileId) || !auditPairs.Contains(("invitation.accepted", i.CloudId, i.ProfileId))));
        partial += invitations.Count(i => !auditPairs.Contains(("invitation.sent", i.CloudId, i.ProfileId)));
        partial += memberships.Count(m => m.Status == MembershipStatus.Active && !auditPairs.Contains(("membership.approved", m.CloudId, m.ProfileId)));
        partial += messages.GroupBy(m => m.ConversationId)
            .Count(g => messageAudits.GetValueOrDefault($"Conversation {g.Key}") != g.Count());
        partial += Math.Abs(jobs.Count - auditCount.GetValueOrDefault("job.posted"));

        var ackedTotal = acked.Values.Sum(v => v.Count);
        var ok = integrity == "ok" && lost == 0 && partial == 0;
        Console.WriteLine(string.Join('\t', label, integrity, ackedTotal, Acked("job").Count, Acked("proposal").Count, Acked("message").Count,
            Acked("invitation").Count, Acked("accepted").Count, Acked("approved").Count, lost, partial, ok ? "pass" : "FAIL"));
        return ok;
    }
}
