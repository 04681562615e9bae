using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Common;
using TalentCloud.Core.Seeding;

namespace TalentCloud.Tests.Core.Joining;

/// <summary>Two owners creating the same cloud at once, and the per-user limit on invitations under a parallel burst.</summary>
public sealed class RaceAndLimitTests : JoiningWorld
{
    [Fact]
    public async Task Two_simultaneous_creates_of_one_name_make_one_cloud_with_one_audit_entry()
    {
        var maria = await Maria;
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Clouds.CreateAsync(maria, "Acme Rust Guild", "Systems people"))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Your organisation already has a cloud named \"Acme Rust Guild\".", Assert.Single(r.Errors)));
        Assert.Equal(1, await CountAsync(c => c.Clouds.Where(x => x.Name == "Acme Rust Guild")));
        Assert.Equal(1, await CountAsync(c => c.AuditEntries.Where(e => e.Action == "cloud.created" && e.Subject == "Acme Rust Guild")));
    }

    [Fact]
    public async Task Renaming_a_cloud_to_a_name_the_organisation_uses_is_refused_with_a_message()
    {
        var maria = await Maria;
        var result = await Clouds.UpdateAsync(maria, await CloudIdAsync(DemoWorld.AcmeData), DemoWorld.AcmeMobile, "");
        Assert.Equal($"Your organisation already has a cloud named \"{DemoWorld.AcmeMobile}\".", Assert.Single(result.Errors));
        Assert.Equal(1, await CountAsync(c => c.Clouds.Where(x => x.Name == DemoWorld.AcmeMobile)));
    }

    [Fact]
    public async Task A_parallel_burst_of_invitations_cannot_slip_past_the_per_user_limit()
    {
        Db.Settings = Db.Settings with
        {
            ActionLimits = new ActionLimits(new Dictionary<LimitedAction, ActionLimit> { [LimitedAction.CloudInvitation] = new(3, TimeSpan.FromHours(1)) }),
        };
        var maria = await Maria;
        var cloudId = await CloudIdAsync(DemoWorld.AcmeMobile);
        await using var context = Db.CreateDbContext();
        var candidates = await context.Profiles
            .Where(p => !context.CloudMemberships.Any(m => m.CloudId == cloudId && m.ProfileId == p.Id)
                && !context.Invitations.Any(i => i.CloudId == cloudId && i.ProfileId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(8).ToListAsync();
        Assert.Equal(8, candidates.Count);

        var results = await Task.WhenAll(candidates.Select(id => Task.Run(() => Invitations.InviteAsync(maria, cloudId, id, null))));

        Assert.Equal(3, results.Count(r => r.Succeeded));
        var refusal = results.First(r => !r.Succeeded).Errors.Single();
        Assert.StartsWith("You have sent cloud invitations too often: at most 3 in an hour. Try again in 60 minutes", refusal, StringComparison.Ordinal);
        // Refused invitations left nothing behind: no invitation, no notification, no audit entry.
        Assert.Equal(3, await CountAsync(c => c.Invitations.Where(i => i.CloudId == cloudId && candidates.Contains(i.ProfileId))));
        Assert.Equal(3, await CountAsync(c => c.AuditEntries.Where(e => e.Action == "invitation.sent" && e.CloudId == cloudId && candidates.Contains(e.ProfileId!.Value))));
        Assert.Equal(3, await CountAsync(c => c.ActionLimitEvents));

        // Another hiring manager has a budget of their own, and an hour later Maria has hers back.
        var refused = candidates.Where((_, i) => !results[i].Succeeded).ToList();
        var byRaj = await Invitations.InviteAsync(await Raj, cloudId, refused[0], null);
        Assert.True(byRaj.Succeeded, string.Join(" ", byRaj.Errors));
        Assert.False((await Invitations.InviteAsync(maria, cloudId, refused[1], null)).Succeeded);
        Db.Clock.Advance(TimeSpan.FromMinutes(61));
        var later = await Invitations.InviteAsync(maria, cloudId, refused[1], null);
        Assert.True(later.Succeeded, string.Join(" ", later.Errors));
    }

    [Fact]
    public async Task An_action_refused_for_another_reason_is_not_counted()
    {
        Db.Settings = Db.Settings with
        {
            ActionLimits = new ActionLimits(new Dictionary<LimitedAction, ActionLimit> { [LimitedAction.CloudInvitation] = new(1, TimeSpan.FromHours(1)) }),
        };
        var maria = await Maria;
        var cloudId = await CloudIdAsync(DemoWorld.AcmeMobile);
        // Fiona is already a member: refused before anything is counted.
        Assert.False((await Invitations.InviteAsync(maria, cloudId, await ProfileIdAsync(DemoWorld.FionaHandle), null)).Succeeded);
        Assert.Equal(0, await CountAsync(c => c.ActionLimitEvents));
        Assert.True((await Invitations.InviteAsync(maria, cloudId, await ProfileIdAsync(DemoWorld.OmarHandle), null)).Succeeded);
    }
}
