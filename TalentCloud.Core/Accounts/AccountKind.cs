namespace TalentCloud.Core.Accounts;

/// <summary>The kind of account a person asks for when registering.</summary>
public enum AccountKind
{
    Freelancer = 1,
    Agency = 2,
    Client = 3,
}
