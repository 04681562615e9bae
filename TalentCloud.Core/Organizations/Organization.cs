namespace TalentCloud.Core.Organizations;

/// <summary>A client company. With an active Enterprise subscription it may own Talent Clouds.</summary>
public sealed class Organization
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Granted by platform admins only; never self-granted.</summary>
    public bool HasEnterpriseSubscription { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<OrganizationMember> Members { get; set; } = [];
}

public enum OrganizationRole
{
    Owner = 1,
    HiringManager = 2,
}

/// <summary>A user who acts for an organisation.</summary>
public sealed class OrganizationMember
{
    public int OrganizationId { get; set; }
    public string UserId { get; set; } = "";
    public OrganizationRole Role { get; set; }
}
