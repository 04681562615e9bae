namespace TalentCloud.Core.Connects;

public static class ConnectsErrors
{
    public const string OnlyAdminsGrant = "Only platform admins can grant Connects.";
    public const string ProfileNotFound = "There is no freelancer or agency with that handle.";
    public const string ReasonRequired = "Give a reason for the grant; it is kept in the ledger and the audit log.";

    public static string AmountOutOfRange => $"Grant from 1 to {ConnectsPricing.MaxAdminGrant} Connects at a time.";

    public static string ReasonTooLong => $"The reason can be at most {ConnectsEntry.ReasonMaxLength} characters.";

    public static string NotEnough(int cost, int balance) =>
        $"Not enough Connects: this proposal costs {cost} Connects and you have {balance}. Nothing was charged and no proposal was sent.";
}
