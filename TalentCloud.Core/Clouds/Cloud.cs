using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Clouds;

/// <summary>A Talent Cloud: a private talent network owned by exactly one Enterprise organisation.</summary>
public sealed class Cloud
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int MaxRequiredSkills = 20;
    public const int MaxAllowedCountries = 100;
    public const int MaxContractorProofClients = 100;

    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    // Approval criteria, each optional. Evaluated when an invitation is accepted (never for an accepted offer).

    /// <summary>Skills a member must list (all of them), compared without regard to case.</summary>
    public List<string> RequiredSkills { get; set; } = [];

    /// <summary>ISO country codes a member may live in; empty means any country.</summary>
    public List<string> AllowedCountries { get; set; } = [];

    /// <summary>Engagement types the cloud works with; a member must offer at least one. None means any.</summary>
    public EngagementTypes AcceptedEngagementTypes { get; set; }

    /// <summary>Members must prove independent-contractor status (a business entity, a licence or registration number, or enough distinct clients).</summary>
    public bool RequiresContractorProof { get; set; }

    /// <summary>The "at least N distinct clients" alternative of the contractor proof.</summary>
    public int ContractorProofMinimumClients { get; set; } = 3;

    /// <summary>Every member needs a hiring manager's approval, whatever else they meet.</summary>
    public bool RequiresManualApproval { get; set; }
}
