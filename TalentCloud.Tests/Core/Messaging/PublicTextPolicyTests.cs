using TalentCloud.Core.ContactRules;

namespace TalentCloud.Tests.Core.Messaging;

public sealed class PublicTextPolicyTests
{
    [Theory]
    [InlineData("Write to jobs@acme.test for details.")]
    [InlineData("Call us: +44 20 7946 0958")]
    [InlineData("More at https://acme.example.com")]
    [InlineData("Find us on Skype: acme.hiring")]
    public void Public_text_with_contact_details_is_refused_for_everyone(string text)
    {
        var result = PublicTextPolicy.Check(text, "The organisation description");

        Assert.False(result.Succeeded);
        var message = Assert.Single(result.Errors);
        Assert.StartsWith("The organisation description contains", message, StringComparison.Ordinal);
        Assert.Contains(PublicTextPolicy.RuleText, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Acme builds consumer and logistics apps used by 12 million people since 2009.")]
    [InlineData("We pay $95/hr for senior work and ship version 2.4.1 in May.")]
    public void Public_text_without_contact_details_passes(string? text)
    {
        Assert.True(PublicTextPolicy.Check(text).Succeeded);
    }
}
