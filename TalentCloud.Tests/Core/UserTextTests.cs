using TalentCloud.Core.Common;
using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Core;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("  Fiona   Park  ", "Fiona Park")]
    [InlineData("Fiona\r\nPark", "Fiona Park")]
    [InlineData("Fiona\tPark\0", "Fiona Park")]
    [InlineData("\u202Ekrap anoiF", "krap anoiF")]
    [InlineData("Fi\u2066o\u2069na\u200E\u200F\u061C", "Fiona")]
    [InlineData("\u200B\uFEFF\u2060", "")]
    [InlineData("👩‍💻 Dev", "👩‍💻 Dev")]
    [InlineData("مرحبا Fiona", "مرحبا Fiona")]
    [InlineData(null, "")]
    public void A_line_is_one_visible_line_without_direction_controls(string? raw, string expected)
    {
        Assert.Equal(expected, UserText.Line(raw));
    }

    [Theory]
    [InlineData("  first\r\nsecond\rthird\u2028fourth  ", "first\nsecond\nthird\nfourth")]
    [InlineData("tab\tstays\0\u0007", "tab\tstays")]
    [InlineData("a \u202Ereversed\u202C b \u2067x\u2069", "a reversed b x")]
    [InlineData("keeps the mark\u200F", "keeps the mark\u200F")]
    [InlineData(null, "")]
    public void A_block_keeps_its_lines_and_loses_control_and_override_characters(string? raw, string expected)
    {
        Assert.Equal(expected, UserText.Block(raw));
    }

    public static TheoryData<string> Hostile() => HostileValues.Theory();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Cleaned_text_has_no_hidden_characters_and_cleaning_twice_changes_nothing(string raw)
    {
        var line = UserText.Line(raw);
        Assert.False(UserText.HasHiddenCharacters(line));
        Assert.Equal(line, UserText.Line(line));
        var block = UserText.Block(raw);
        Assert.DoesNotContain(block, c => c is '\0' or '\r' or '\u202E' or '\u2066');
        Assert.Equal(block, UserText.Block(block));
    }
}
