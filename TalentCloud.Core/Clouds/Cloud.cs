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

    /// <summary>The unique (organisation, name) index: a race of two creates or renames to one name runs into it.</summary>
    public const string OneNamePerOrganizationIndex = "IX_Clouds_OrganizationId_Name";

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    // Approval criteria, each optional. Evaluated when an invitation is accepted (never for an accepted offer).

    /// <summary>Skills a member must list (all of them), compared without regard to case.</summary>
    public List<string> RequiredSkills { get; private set; } = [];

    /// <summary>ISO country codes a member may live in; empty means any country.</summary>
    public List<string> AllowedCountries { get; private set; } = [];

    /// <summary>Engagement types the cloud works with; a member must offer at least one. None means any.</summary>
    public EngagementTypes AcceptedEngagementTypes { get; private set; }

    /// <summary>Members must prove independent-contractor status (a business entity, a licence or registration number, or enough distinct clients).</summary>
    public bool RequiresContractorProof { get; private set; }

    /// <summary>The "at least N distinct clients" alternative of the contractor proof.</summary>
    public int ContractorProofMinimumClients { get; private set; } = 3;

    /// <summary>Every member needs a hiring manager's approval, whatever else they meet.</summary>
    public bool RequiresManualApproval { get; private set; }

    /// <summary>A new cloud of an Enterprise organisation, without criteria (name and description validated by the caller).</summary>
    public static Cloud Create(int organizationId, string name, string description, DateTimeOffset at) =>
        new() { OrganizationId = organizationId, Name = name, Description = description, CreatedAt = at };

    /// <summary>Renames and describes the cloud.</summary>
    public void Describe(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Replaces the approval criteria (validated and normalised by the caller).</summary>
    public void SetCriteria(CloudCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        RequiredSkills = [.. criteria.RequiredSkills];
        AllowedCountries = [.. criteria.AllowedCountries];
        AcceptedEngagementTypes = criteria.AcceptedEngagementTypes;
        RequiresContractorProof = criteria.RequiresContractorProof;
        ContractorProofMinimumClients = criteria.ContractorProofMinimumClients;
        RequiresManualApproval = criteria.RequiresManualApproval;
    }
}
