namespace TalentCloud.Core.Accounts;

/// <summary>Identity roles. Everything else a user may do follows from what they own or belong to.</summary>
public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
}
