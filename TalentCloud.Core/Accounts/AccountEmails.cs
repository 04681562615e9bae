using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Accounts;

/// <summary>
/// The account e-mails (confirm the address, the address already has an account, reset the password), written to the
/// outbox in the caller's unit of work. Every link is absolute, built from the configured public address. Each link is
/// also logged at Debug level (Development turns that on, so a local user can follow it without a mail server).
/// </summary>
public sealed class AccountEmails(UserManager<AppUser> users, AppDbContext db, TimeProvider clock, ILogger<AccountEmails> logger)
{
    /// <summary>Queues a fresh confirmation link for an unconfirmed account.</summary>
    public async Task QueueConfirmationAsync(AppUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = db.Settings.PublicAddress.Link(QueryHelpers.AddQueryString("Account/ConfirmEmail",
            new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code }));
        var kind = user.RegisteredAs switch
        {
            AccountKind.Agency => "an agency",
            AccountKind.Client => "a client organisation",
            _ => "a freelancer",
        };
        await QueueAsync(user, "Confirm your TalentCloud account",
            $"<p>Someone — we hope you — asked for a TalentCloud account for this address, as {kind} named {WebUtility.HtmlEncode(user.DisplayName)}.</p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Confirm your e-mail address</a> to finish. The link works for 24 hours; "
            + "an account that is not confirmed within 48 hours is deleted.</p>"
            + "<p>If you did not ask for an account, ignore this e-mail: nothing happens without the link.</p>", link, ct);
    }

    /// <summary>Someone registered with an address that already has an account: its owner hears about it (and how to get in).</summary>
    public async Task QueueAlreadyRegisteredAsync(AppUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var signIn = db.Settings.PublicAddress.Link("Account/Login");
        var forgot = db.Settings.PublicAddress.Link("Account/ForgotPassword");
        await QueueAsync(user, "You already have a TalentCloud account",
            "<p>Someone tried to create a TalentCloud account with this address, which already has one. No new account was made.</p>"
            + $"<p>If it was you: <a href=\"{WebUtility.HtmlEncode(signIn)}\">sign in</a>, or "
            + $"<a href=\"{WebUtility.HtmlEncode(forgot)}\">choose a new password</a> if you forgot it. If it was not you, you need do nothing.</p>",
            signIn, ct);
    }

    /// <summary>Queues a reset link when the address belongs to a confirmed account; does nothing otherwise.</summary>
    public async Task QueuePasswordResetAsync(string email, CancellationToken ct = default)
    {
        var user = TypedAddress.ForLookup(email) is { } address ? await users.FindByEmailAsync(address) : null;
        if (user is null || !await users.IsEmailConfirmedAsync(user))
        {
            return;
        }

        var link = db.Settings.PublicAddress.Link(QueryHelpers.AddQueryString("Account/ResetPassword",
            new Dictionary<string, string?> { ["code"] = Encode(await users.GeneratePasswordResetTokenAsync(user)) }));
        await QueueAsync(user, "Reset your TalentCloud password",
            $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Choose a new password</a>. The link works for 24 hours. "
            + "If you did not ask for this, ignore this e-mail: your password stays as it is.</p>", link, ct);
    }

    /// <summary>Queues a fresh confirmation link when the address belongs to an unconfirmed account; does nothing otherwise.</summary>
    public async Task QueueConfirmationResendAsync(string email, CancellationToken ct = default)
    {
        var user = TypedAddress.ForLookup(email) is { } address ? await users.FindByEmailAsync(address) : null;
        if (user is not null && !await users.IsEmailConfirmedAsync(user))
        {
            await QueueConfirmationAsync(user, ct);
        }
    }

    private async Task QueueAsync(AppUser user, string subject, string html, string link, CancellationToken ct)
    {
        db.OutboxEmails.Add(OutboxEmail.Create(user.Email ?? "", user.Id, subject, html, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        logger.LogDebug("E-mail \"{Subject}\" to {To} is in the outbox: {Link}", subject, user.Email, link);
    }

    internal static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token inside a link's code, or null when the code is not one we could have written.</summary>
    internal static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
