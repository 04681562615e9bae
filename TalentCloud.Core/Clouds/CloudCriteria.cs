using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Clouds;

/// <summary>A cloud's approval criteria as one value, for showing, editing and evaluating.</summary>
public sealed record CloudCriteria(
    IReadOnlyList<string> RequiredSkills,
    IReadOnlyList<string> AllowedCountries,
    EngagementTypes AcceptedEngagementTypes,
    bool RequiresContractorProof,
    int ContractorProofMinimumClients,
    bool RequiresManualApproval)
{
    public static readonly CloudCriteria None = new([], [], EngagementTypes.None, false, 3, false);

    public static CloudCriteria Of(Cloud cloud) => new(
        [.. cloud.RequiredSkills], [.. cloud.AllowedCountries], cloud.AcceptedEngagementTypes,
        cloud.RequiresContractorProof, cloud.ContractorProofMinimumClients, cloud.RequiresManualApproval);

    public bool IsEmpty => RequiredSkills.Count == 0 && AllowedCountries.Count == 0 && AcceptedEngagementTypes == EngagementTypes.None
        && !RequiresContractorProof && !RequiresManualApproval;

    /// <summary>Each criterion in words, as the invitee and the hiring managers read it.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        if (RequiredSkills.Count > 0)
        {
            lines.Add($"Skills: {string.Join(", ", RequiredSkills)}");
        }

        if (AllowedCountries.Count > 0)
        {
            lines.Add($"Located in: {string.Join(", ", AllowedCountries.Select(CountryNames.NameOf))}");
        }

        if (AcceptedEngagementTypes != EngagementTypes.None)
        {
            lines.Add($"Works {EngagementText(AcceptedEngagementTypes)}");
        }

        if (RequiresContractorProof)
        {
            lines.Add($"Proof of independent-contractor status: a registered business, a licence or registration number, or work with at least {ContractorProofMinimumClients} distinct clients");
        }

        if (RequiresManualApproval)
        {
            lines.Add("Every member is approved by a hiring manager");
        }

        return lines;
    }

    public static string EngagementText(EngagementTypes types) => types switch
    {
        EngagementTypes.Hourly => "hourly",
        EngagementTypes.FixedPrice => "fixed price",
        EngagementTypes.Hourly | EngagementTypes.FixedPrice => "hourly or fixed price",
        _ => "—",
    };
}

/// <summary>The facts about a profile the criteria look at. Distinct clients come from contracts, never from input.</summary>
public sealed record CriteriaFacts(
    IReadOnlyCollection<string> Skills,
    string Country,
    EngagementTypes EngagementTypes,
    BusinessEntityType BusinessEntityType,
    string BusinessName,
    string RegistrationNumber,
    string LicenceNumber,
    int DistinctClients);

/// <summary>Evaluates a cloud's criteria against a profile: a pure function, so every rule is tested directly.</summary>
public static class CriteriaEvaluator
{
    /// <summary>The criteria the profile does not meet, in words; empty when all are met (manual approval is not a criterion a profile can meet).</summary>
    public static IReadOnlyList<string> Unmet(CloudCriteria criteria, CriteriaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(facts);
        var unmet = new List<string>();
        var missingSkills = criteria.RequiredSkills
            .Where(required => !facts.Skills.Contains(required, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (missingSkills.Count > 0)
        {
            unmet.Add($"Missing required skill{(missingSkills.Count == 1 ? "" : "s")}: {string.Join(", ", missingSkills)}");
        }

        if (criteria.AllowedCountries.Count > 0
            && !criteria.AllowedCountries.Contains(facts.Country, StringComparer.OrdinalIgnoreCase))
        {
            var where = string.IsNullOrEmpty(facts.Country) ? "No country on the profile" : $"Located in {CountryNames.NameOf(facts.Country)}";
            unmet.Add($"{where}; the cloud accepts members in {string.Join(", ", criteria.AllowedCountries.Select(CountryNames.NameOf))}");
        }

        if (criteria.AcceptedEngagementTypes != EngagementTypes.None
            && (criteria.AcceptedEngagementTypes & facts.EngagementTypes) == EngagementTypes.None)
        {
            unmet.Add($"The cloud works {CloudCriteria.EngagementText(criteria.AcceptedEngagementTypes)}, which the profile does not offer");
        }

        if (criteria.RequiresContractorProof && !HasContractorProof(facts, criteria.ContractorProofMinimumClients))
        {
            unmet.Add($"No proof of independent-contractor status: no registered business, no licence or registration number, and {facts.DistinctClients} of {criteria.ContractorProofMinimumClients} distinct clients");
        }

        return unmet;
    }

    /// <summary>Any one suffices: a registered business entity, a licence or registration number, or N distinct clients.</summary>
    public static bool HasContractorProof(CriteriaFacts facts, int minimumClients)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return (facts.BusinessEntityType != BusinessEntityType.None && !string.IsNullOrWhiteSpace(facts.BusinessName))
            || !string.IsNullOrWhiteSpace(facts.RegistrationNumber)
            || !string.IsNullOrWhiteSpace(facts.LicenceNumber)
            || facts.DistinctClients >= minimumClients;
    }
}
