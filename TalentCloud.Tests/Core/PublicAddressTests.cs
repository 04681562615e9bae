using TalentCloud.Core.Common;

namespace TalentCloud.Tests.Core;

public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("https://talent.example.com", "/jobs/5", "https://talent.example.com/jobs/5")]
    [InlineData("https://talent.example.com/", "Account/ConfirmEmail?userId=a&code=b", "https://talent.example.com/Account/ConfirmEmail?userId=a&code=b")]
    [InlineData("https://example.com/talent", "/jobs/5", "https://example.com/talent/jobs/5")]
    [InlineData("http://localhost:5080/", "/", "http://localhost:5080/")]
    public void Links_are_absolute_under_the_configured_address(string baseUrl, string path, string expected)
    {
        Assert.Equal(expected, new PublicAddress(new Uri(baseUrl)).Link(path));
    }

    [Theory]
    [InlineData("https://evil.test/steal")]
    [InlineData("//evil.test/steal")]
    [InlineData("/\\evil.test")]
    [InlineData("javascript:alert(1)")]
    public void A_link_can_never_leave_the_site(string path)
    {
        Assert.Throws<ArgumentException>(() => PublicAddress.Local.Link(path));
    }

    [Theory]
    [InlineData("ftp://files.example.com/")]
    [InlineData("https://example.com/?x=1")]
    [InlineData("/relative")]
    public void Only_an_absolute_web_address_without_query_is_accepted(string value)
    {
        Assert.ThrowsAny<Exception>(() => PublicAddress.TryParse(value));
    }

    [Fact]
    public void A_blank_setting_is_no_address()
    {
        Assert.Null(PublicAddress.TryParse("  "));
    }
}
