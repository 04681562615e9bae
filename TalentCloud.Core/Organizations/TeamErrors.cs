using TalentCloud.Core.Common;

namespace TalentCloud.Core.Organizations;

/// <summary>The failures a user can cause on the team page and with an invitation link.</summary>
public static class TeamErrors
{
    public const int InvitationsPerHour = 20;

    /// <summary>For non-owners and for other organisations' team items alike: the page answers 404.</summary>
    public const string NotFound = "That team page, colleague or invitation does not exist.";

    public const string EmailRequired = "Enter your colleague's e-mail address.";
    public const string EmailInvalid = "Enter a valid e-mail address, such as dana@acme.test.";
    public const string ChooseRole = "Choose a role: owner, hiring manager or recruiter.";
    public const string LastOwner = "An organisation always keeps at least one owner: make someone else an owner first.";

    /// <summary>Said without naming the organisation the address belongs to.</summary>
    public const string BelongsToAnotherOrganization =
        "That address belongs to an account that is already part of another organisation on TalentCloud. One account can belong to "
        + "one organisation only; ask your colleague for another address.";

    public const string InvitationNotFound = "This invitation link is not valid. Ask the person who invited you to send it again.";
    public const string AlreadyInAnOrganization =
        "Your account already belongs to an organisation on TalentCloud, and one account can belong to one organisation only.";

    public const string RateLimited =
        "You have sent many team invitations in the last hour. Please wait a while before sending more.";

    public static string EmailTooLong => $"An e-mail address is at most {TeamInvitation.EmailMaxLength} characters.";

    public static string AlreadyOnTeam(string email) => $"{email} is already on your team.";

    public static string AlreadyInvited(string email) =>
        $"{email} already has a pending invitation. Resend it from the list below, or withdraw it first.";

    public static string WrongAccount(string invitedEmail) =>
        $"This invitation was sent to {invitedEmail}. Sign in with that address to accept it.";

    public static string Expired(DateTimeOffset at) =>
        $"This invitation expired on {Dates.Day(at)}. Ask the person who invited you to send it again.";

    public static string NoLongerOpen(TeamJoinState state) => state == TeamJoinState.Accepted
        ? "This invitation has already been accepted."
        : "This invitation was withdrawn. Ask the person who invited you if you should still join.";

    public static string ThresholdOutOfRange(string what) => $"The {what} threshold must be between $1 and ${Offers.Offer.MaxAmount:N0}, or empty for none.";
}
