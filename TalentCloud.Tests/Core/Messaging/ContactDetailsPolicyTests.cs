using TalentCloud.Core.ContactDetails;
using TalentCloud.Core.ContactRules;

namespace TalentCloud.Tests.Core.Messaging;

public sealed class ContactDetailsPolicyTests
{
    private static readonly PairFacts Ordinary = new("Initech", "Omar Haddad", OrganizationIsEnterprise: false, ContractStarted: false);
    private static readonly PairFacts Enterprise = new("Acme Corp", "Fiona Park", OrganizationIsEnterprise: true, ContractStarted: false);
    private static readonly PairFacts AfterContract = new("Initech", "Omar Haddad", OrganizationIsEnterprise: false, ContractStarted: true);

    [Fact]
    public void Ordinary_text_is_allowed_before_a_contract_without_Enterprise()
    {
        var decision = ContactDetailsPolicy.Decide("The first phase costs $6,000 and takes 3 weeks.", Ordinary);

        Assert.True(decision.Allowed);
        Assert.False(decision.ContainsContactDetails);
        Assert.Null(decision.Refusal);
    }

    [Theory]
    [InlineData("reach me at carl@initech.test", ContactDetailKind.Email)]
    [InlineData("call me on +1 (415) 555-0100", ContactDetailKind.Phone)]
    [InlineData("see https://omar.example.com/cv", ContactDetailKind.Url)]
    public void Contact_details_before_a_contract_without_Enterprise_are_refused_with_the_rule(string text, ContactDetailKind kind)
    {
        var decision = ContactDetailsPolicy.Decide(text, Ordinary);

        Assert.False(decision.Allowed);
        Assert.Contains(kind, decision.Found);
        Assert.Equal(ContactSharing.NotYet, decision.Sharing);
        Assert.Contains("contract between Initech and Omar Haddad", decision.Refusal, StringComparison.Ordinal);
        Assert.Contains("verified Enterprise clients", decision.Refusal, StringComparison.Ordinal);
        Assert.Contains(ContactDetailsDetector.Describe(kind), decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Enterprise_organisation_may_exchange_contact_details_before_a_contract()
    {
        var decision = ContactDetailsPolicy.Decide("My number is +1 (415) 555-0100", Enterprise);

        Assert.True(decision.Allowed);
        Assert.True(decision.ContainsContactDetails);
        Assert.Equal(ContactSharing.EnterpriseException, decision.Sharing);
    }

    [Fact]
    public void After_a_contract_contact_details_are_allowed_for_an_ordinary_client()
    {
        var decision = ContactDetailsPolicy.Decide("reach me at carl@initech.test", AfterContract);

        Assert.True(decision.Allowed);
        Assert.Equal(ContactSharing.ContractStarted, decision.Sharing);
    }

    [Fact]
    public void A_contract_takes_precedence_over_the_Enterprise_exception()
    {
        Assert.Equal(ContactSharing.ContractStarted, ContactDetailsPolicy.SharingFor(Enterprise with { ContractStarted = true }));
        Assert.Equal(ContactSharing.EnterpriseException, ContactDetailsPolicy.SharingFor(Enterprise));
        Assert.Equal(ContactSharing.NotYet, ContactDetailsPolicy.SharingFor(Ordinary));
    }

    [Fact]
    public void Several_kinds_are_named_together()
    {
        Assert.Equal("an e-mail address and a phone number",
            ContactDetailsPolicy.Describe([ContactDetailKind.Email, ContactDetailKind.Phone]));
    }
}
