namespace TalentCloud.Core.Removals;

/// <summary>The messages a member or an admin gets when a removal step cannot be done.</summary>
public static class RemovalErrors
{
    public const string MembershipNotFound = "That membership was not found.";
    public const string RequestNotFound = "That removal request was not found.";
    public static readonly string ReasonTooLong = $"The reason can be at most {RemovalRequest.ReasonMaxLength:N0} characters.";
    public static readonly string DecisionReasonTooLong = $"The reason can be at most {RemovalRequest.DecisionReasonMaxLength:N0} characters.";
    public const string DecisionReasonRequired = "Give the member a reason for the rejection.";
    public const string AlreadyRequested = "You have already asked to leave this Talent Cloud; the request is waiting for an administrator.";
    public const string AlreadyApproved = "This request was already approved; the member has been removed.";
    public const string AlreadyRejected = "This request was already rejected.";
    public const string AlreadyCancelled = "The member cancelled this request, so there is nothing to decide.";

    public static string NotPending(RemovalStatus status) => status switch
    {
        RemovalStatus.Approved => AlreadyApproved,
        RemovalStatus.Rejected => AlreadyRejected,
        RemovalStatus.Cancelled => AlreadyCancelled,
        _ => "This request is no longer pending.",
    };
}
