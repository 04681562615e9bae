using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Data;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Seeding;

namespace TalentCloud.CrashTest;

/// <summary>
/// A stream of real actions through the Core services — jobs, proposals with their Connects charge, messages,
/// invitations, acceptances and approvals — as fast as they go. After each action Core reports as done, one line
/// ("kind id") is appended to the acknowledgements file and flushed to the operating system, so it survives the
/// process being killed; whatever the process had not acknowledged when it died may or may not be in the database,
/// but whatever it had must be, completely.
/// </summary>
internal static class ActionStream
{
    public static async Task RunAsync(string databasePath, string acksPath, int seed)
    {
        var baseline = JsonSerializer.Deserialize<Baseline>(await File.ReadAllTextAsync(CrashWorld.BaselinePath(databasePath)))!;
        await using var services = CrashWorld.Services(databasePath);
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var actors = services.GetRequiredService<ActorLoader>();
        var jobs = services.GetRequiredService<JobService>();
        var proposals = services.GetRequiredService<ProposalService>();
        var messages = services.GetRequiredService<MessageService>();
        var invitations = services.GetRequiredService<InvitationService>();
        var clouds = services.GetRequiredService<CloudService>();
        var random = new Random(seed);

        await using var acks = new StreamWriter(new FileStream(acksPath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        var ready = false;
        async Task AckAsync(string kind, long id)
        {
            await acks.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{kind} {id}"));
            if (!ready)
            {
                // Tells the script the stream is running, so its random kill lands among actions rather than in start-up.
                await File.WriteAllTextAsync(acksPath + ".ready", "");
                ready = true;
            }
        }

        Actor maria;
        int acmeId;
        List<(int Id, string Owner)> talent;
        List<(int Id, string OrgUser, string ProfileUser)> threads;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var mariaId = await db.Users.Where(u => u.Email == DemoWorld.MariaEmail).Select(u => u.Id).SingleAsync();
            maria = await actors.LoadAsync(mariaId);
            acmeId = maria.Organizations.Keys.Single();
            talent = (await db.Profiles.Select(p => new { p.Id, p.OwnerUserId }).ToListAsync()).Select(p => (p.Id, p.OwnerUserId)).ToList();
            threads = (await (from c in db.Conversations
                              join p in db.Profiles on c.ProfileId equals p.Id
                              select new { c.Id, OrgUser = db.OrganizationMembers.Where(m => m.OrganizationId == c.OrganizationId).Select(m => m.UserId).First(), p.OwnerUserId })
                .ToListAsync()).Select(t => (t.Id, t.OrgUser, t.OwnerUserId)).ToList();
        }

        var actorCache = new Dictionary<string, Actor>();
        async Task<Actor> ActorAsync(string userId) =>
            actorCache.TryGetValue(userId, out var actor) ? actor : actorCache[userId] = await actors.LoadAsync(userId);

        while (true)
        {
            switch (random.Next(12))
            {
                case 0:
                {
                    var budget = random.Next(10, 150);
                    var posted = await jobs.PostAsync(maria, new JobDraft(acmeId, null, $"Crash test job {random.Next(1_000_000)}",
                        "A job posted by the crash test.", ["Testing"], BudgetType.Hourly, budget, ExperienceLevel.Intermediate));
                    if (posted.Succeeded)
                    {
                        await AckAsync("job", posted.Value);
                    }

                    break;
                }

                case 1 or 2 or 3:
                {
                    var (profileId, owner) = talent[random.Next(talent.Count)];
                    int? jobId;
                    await using (var db = await dbFactory.CreateDbContextAsync())
                    {
                        jobId = await db.Jobs.Where(j => j.Id > baseline.JobId && j.Status == JobStatus.Open && j.CloudId == null
                                && !db.Proposals.Any(p => p.JobId == j.Id && p.ProfileId == profileId))
                            .OrderByDescending(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync();
                    }

                    if (jobId is null)
                    {
                        break;
                    }

                    var sent = await proposals.SubmitAsync(await ActorAsync(owner), new ProposalDraft(jobId.Value, profileId, "I would like to do this job.", 50));
                    if (sent.Succeeded)
                    {
                        await AckAsync("proposal", sent.Value);
                    }

                    break;
                }

                case 4 or 5 or 6:
                {
                    var (conversationId, orgUser, profileUser) = threads[random.Next(threads.Count)];
                    var sender = await ActorAsync(random.Next(2) == 0 ? orgUser : profileUser);
                    var sent = await messages.SendAsync(sender, conversationId, $"Crash test message {random.Next(1_000_000)}");
                    if (sent.Succeeded)
                    {
                        await AckAsync("message", sent.Value!.Id);
                    }

                    break;
                }

                case 7 or 8:
                {
                    var cloudId = baseline.CloudIds[random.Next(baseline.CloudIds.Count)];
                    int? profileId;
                    await using (var db = await dbFactory.CreateDbContextAsync())
                    {
                        var skip = random.Next(talent.Count);
                        profileId = await db.Profiles.Where(p => !db.CloudMemberships.Any(m => m.CloudId == cloudId && m.ProfileId == p.Id)
                                && !db.Invitations.Any(i => i.CloudId == cloudId && i.ProfileId == p.Id && i.Status == InvitationStatus.Pending))
                            .OrderBy(p => p.Id).Skip(skip % 50).Select(p => (int?)p.Id).FirstOrDefaultAsync();
                    }

                    if (profileId is null)
                    {
                        break;
                    }

                    var invited = await invitations.InviteAsync(maria, cloudId, profileId.Value, "Join our crash-tested cloud.");
                    if (invited.Succeeded)
                    {
                        await AckAsync("invitation", invited.Value);
                    }

                    break;
                }

                case 9 or 10:
                {
                    (int Id, string Owner)? pending;
                    await using (var db = await dbFactory.CreateDbContextAsync())
                    {
                        pending = (await (from i in db.Invitations
                                          join p in db.Profiles on i.ProfileId equals p.Id
                                          where i.Id > baseline.InvitationId && i.Status == InvitationStatus.Pending
                                          orderby i.Id
                                          select new { i.Id, p.OwnerUserId }).Skip(random.Next(5)).FirstOrDefaultAsync()) is { } row
                            ? (row.Id, row.OwnerUserId)
                            : null;
                    }

                    if (pending is { } invitation
                        && (await invitations.AcceptAsync(await ActorAsync(invitation.Owner), invitation.Id)).Succeeded)
                    {
                        await AckAsync("accepted", invitation.Id);
                    }

                    break;
                }

                default:
                {
                    int? membershipId;
                    await using (var db = await dbFactory.CreateDbContextAsync())
                    {
                        membershipId = await db.CloudMemberships.Where(m => baseline.CloudIds.Contains(m.CloudId) && m.Status == MembershipStatus.PendingApproval)
                            .OrderBy(m => m.Id).Select(m => (int?)m.Id).Skip(random.Next(5)).FirstOrDefaultAsync();
                    }

                    if (membershipId is { } id && (await clouds.ApproveAsync(maria, id)).Succeeded)
                    {
                        await AckAsync("approved", id);
                    }

                    break;
                }
            }
        }
    }
}
