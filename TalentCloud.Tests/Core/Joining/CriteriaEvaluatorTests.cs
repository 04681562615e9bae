using TalentCloud.Core.Clouds;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Tests.Core.Joining;

public sealed class CriteriaEvaluatorTests
{
    private static readonly CriteriaFacts Omar = new(["C#", "PostgreSQL"], "JO", EngagementTypes.Hourly, BusinessEntityType.None, "", "", "", 0);

    [Fact]
    public void No_criteria_are_always_met() => Assert.Empty(CriteriaEvaluator.Unmet(CloudCriteria.None, Omar));

    [Fact]
    public void Required_skills_are_matched_without_case_and_missing_ones_are_named()
    {
        var criteria = CloudCriteria.None with { RequiredSkills = ["postgresql", "SQL", "dbt"] };
        var unmet = Assert.Single(CriteriaEvaluator.Unmet(criteria, Omar));
        Assert.Contains("SQL, dbt", unmet, StringComparison.Ordinal);
        Assert.DoesNotContain("postgresql", unmet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Country_outside_the_list_is_unmet()
    {
        var unmet = Assert.Single(CriteriaEvaluator.Unmet(CloudCriteria.None with { AllowedCountries = ["US", "SG"] }, Omar));
        Assert.Contains("Jordan", unmet, StringComparison.Ordinal);
        Assert.Empty(CriteriaEvaluator.Unmet(CloudCriteria.None with { AllowedCountries = ["JO"] }, Omar));
    }

    [Fact]
    public void Engagement_types_need_at_least_one_in_common()
    {
        Assert.Single(CriteriaEvaluator.Unmet(CloudCriteria.None with { AcceptedEngagementTypes = EngagementTypes.FixedPrice }, Omar));
        Assert.Empty(CriteriaEvaluator.Unmet(CloudCriteria.None with { AcceptedEngagementTypes = EngagementTypes.FixedPrice | EngagementTypes.Hourly }, Omar));
    }

    [Fact]
    public void Any_one_proof_of_contractor_status_suffices()
    {
        var criteria = CloudCriteria.None with { RequiresContractorProof = true, ContractorProofMinimumClients = 2 };
        Assert.Single(CriteriaEvaluator.Unmet(criteria, Omar));
        Assert.Empty(CriteriaEvaluator.Unmet(criteria, Omar with { BusinessEntityType = BusinessEntityType.LimitedCompany, BusinessName = "Haddad Software Ltd" }));
        Assert.Empty(CriteriaEvaluator.Unmet(criteria, Omar with { RegistrationNumber = "JO-12345" }));
        Assert.Empty(CriteriaEvaluator.Unmet(criteria, Omar with { LicenceNumber = "L-99" }));
        Assert.Empty(CriteriaEvaluator.Unmet(criteria, Omar with { DistinctClients = 2 }));
        Assert.Single(CriteriaEvaluator.Unmet(criteria, Omar with { DistinctClients = 1 }));
        // A business type without its name proves nothing.
        Assert.Single(CriteriaEvaluator.Unmet(criteria, Omar with { BusinessEntityType = BusinessEntityType.LimitedCompany }));
    }

    [Fact]
    public void Manual_approval_is_described_but_never_an_unmet_fact_of_the_profile()
    {
        var criteria = CloudCriteria.None with { RequiresManualApproval = true };
        Assert.Empty(CriteriaEvaluator.Unmet(criteria, Omar));
        Assert.Contains(criteria.Describe(), d => d.Contains("approved by a hiring manager", StringComparison.Ordinal));
    }
}
