using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Data;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Seeding;
using TalentCloud.Tests.Support;
using TalentCloud.Web.Components.Account.Pages;
using TalentCloud.Web.Components.Layout;

namespace TalentCloud.Tests.Fuzz;

/// <summary>
/// A static (server-rendered, posted without the live connection) form the form fuzz test posts: the component that
/// renders it, the demo account that uses it, the address of a page showing it, the form's name (its <c>_handler</c>)
/// or the endpoint it posts to, and every field it posts.
/// </summary>
public sealed record FuzzedForm(string Name, Type Component, string Viewer, Func<FormRun, Task<string>> Page, string? Handler, string? Action,
    IReadOnlyList<FuzzedField> Fields)
{
    /// <summary>What a post that was taken changes for the next one (a used link, a new password).</summary>
    public Action<FormRun, IReadOnlyDictionary<string, string>>? Accepted { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// A posted field and a valid value for it (null: the value the page puts there, as for a hidden field). A field with
/// <paramref name="RepeatedBy"/> is typed again in that field (a password and its confirmation), so a value that is
/// fine for it reaches the rules behind the form.
/// </summary>
public sealed record FuzzedField(string Name, Func<FormRun, string>? Valid = null, string? RepeatedBy = null);

/// <summary>One form's run through the hostile values: the app's services, the probe's number and what earlier posts changed.</summary>
public sealed class FormRun(IServiceProvider services)
{
    public IServiceProvider Services => services;

    /// <summary>The probe being posted, counted from 1.</summary>
    public int Probe { get; set; }

    /// <summary>An address no account and no other probe uses (the per-account limits count per address).</summary>
    public string FreshEmail => $"fuzz-{Probe}@example.test";

    /// <summary>The page's address while it still works (a one-time link is made again after a post used it).</summary>
    public string? Link { get; set; }

    /// <summary>The signed-in account's password, as the last accepted change left it.</summary>
    public string Password { get; set; } = DemoWorld.Password;
}

/// <summary>
/// Every static form of the app. A component whose markup posts a form must be listed here
/// (<see cref="FuzzedFormsListTests"/>), and every field the listed page renders in the form too
/// (<see cref="FormFuzzHttpTests"/>): the form fuzz test then posts every hostile value in each of them.
/// </summary>
public static class FuzzedForms
{
    private const string Visitor = DemoVisibility.Visitor;
    private const string GoodPassword = "a long enough password";

    private static Func<FormRun, Task<string>> At(string address) => _ => Task.FromResult(address);

    private static FuzzedField Field(string name, string valid, string? repeatedBy = null) => new(name, _ => valid, repeatedBy);

    private static FuzzedField Email(string name = "Input.Email") => new(name, run => run.FreshEmail);

    private static FuzzedField[] NewPassword(string password, string confirmation) =>
        [Field(password, GoodPassword, repeatedBy: confirmation), Field(confirmation, GoodPassword)];

    public static readonly IReadOnlyList<FuzzedForm> All =
    [
        new("sign in", typeof(Login), Visitor, At("/Account/Login"), "login", null,
            [Email(), Field("Input.Password", GoodPassword), Field("Input.RememberMe", "True")]),
        new("register", typeof(Register), Visitor, At("/Account/Register"), "register", null,
            [Field("Input.Kind", "Freelancer"), Field("Input.Name", "Fuzz Person"), Email(), .. NewPassword("Input.Password", "Input.ConfirmPassword")]),
        new("forgot password", typeof(ForgotPassword), Visitor, At("/Account/ForgotPassword"), "forgot-password", null, [Email()]),
        new("resend confirmation", typeof(ResendEmailConfirmation), Visitor, At("/Account/ResendEmailConfirmation"), "resend-confirmation", null, [Email()]),
        new("reset password", typeof(ResetPassword), Visitor, ResetLinkAsync, "reset-password", null,
            [new("Input.Code"), Email(), .. NewPassword("Input.Password", "Input.ConfirmPassword")]),
        new("join a team with a new account", typeof(JoinTeam), Visitor, async run => run.Link ??= await TeamLinkAsync(run.Services, $"fuzz-join-{run.Probe}@example.test"),
            "join-team", null, [Field("Input.Name", "Fuzz Colleague"), .. NewPassword("Input.Password", "Input.ConfirmPassword")])
        {
            // The page stays at its invitation link until a post uses the invitation up.
            Accepted = (run, _) => run.Link = null,
        },
        new("join a team signed in", typeof(JoinTeam), DemoWorld.OmarEmail, run => TeamLinkAsync(run.Services, DemoWorld.OmarEmail), "accept-team", null, []),
        new("change password", typeof(ManageAccount), DemoWorld.FionaEmail, At("/Account/Manage"), "change-password", null,
            [new("Input.OldPassword", run => run.Password), .. NewPassword("Input.NewPassword", "Input.ConfirmPassword")])
        {
            Accepted = (run, posted) => run.Password = posted["Input.NewPassword"],
        },
        new("theme switch", typeof(ThemeToggle), Visitor, At("/help"), null, "/preferences/theme", [new("theme"), new("returnUrl")]),
        new("sign out", typeof(SignOutForm), DemoWorld.LeeEmail, At("/Account/Manage"), null, "/Account/Logout", []),
    ];

    /// <summary>
    /// A new confirmed account at the probe's own address and its password reset link, as the e-mail carries it (each
    /// probe resets a different account: the limit on reset posts counts per address).
    /// </summary>
    private static async Task<string> ResetLinkAsync(FormRun run)
    {
        await using var scope = run.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = run.FreshEmail, Email = run.FreshEmail, EmailConfirmed = true, DisplayName = "Fuzz Reset" };
        var created = await users.CreateAsync(user, GoodPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return "/Account/ResetPassword?Code=" + Uri.EscapeDataString(AccountEmails.Encode(await users.GeneratePasswordResetTokenAsync(user)));
    }

    /// <summary>A new team invitation from Acme's owner to the address, stored as the invitation service stores one; its link.</summary>
    private static async Task<string> TeamLinkAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var acme = await db.Organizations.Where(o => o.Name == DemoWorld.Acme).Select(o => o.Id).SingleAsync();
        var maria = await db.Users.Where(u => u.Email == DemoWorld.MariaEmail).Select(u => u.Id).SingleAsync();
        var (token, hash) = TeamInvitation.NewToken();
        await db.TeamInvitations.Where(i => i.NormalizedEmail == TeamInvitation.Normalize(email) && i.Status == TeamInvitationStatus.Pending).ExecuteDeleteAsync();
        db.TeamInvitations.Add(TeamInvitation.Create(acme, email, OrganizationRole.Recruiter, maria, hash, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
        await db.SaveChangesAsync();
        return TeamInvitation.JoinPath(token);
    }
}
