namespace TalentCloud.Tests.Support;

/// <summary>
/// The one list of hostile values every input is tried with: addresses (query and route values), Core text inputs and
/// interactive forms. Add a value here and every fuzz test tries it.
/// </summary>
public static class HostileValues
{
    /// <summary>Five thousand characters, longer than any field accepts.</summary>
    public static readonly string FiveThousandCharacters = new('x', 5000);

    public static readonly IReadOnlyList<string> All =
    [
        "",
        " ",
        "   \t  ",
        "-1",
        "0",
        "1.5",
        "-0.5",
        "NaN",
        "Infinity",
        "1e309",
        "99999999999999999999",
        "2147483648",
        "-2147483649",
        "%",
        "%00",
        "\0",
        "a\0b",
        "[]",
        "{}",
        "true",
        "null",
        "'",
        "\"",
        "')--",
        "' OR '1'='1",
        "<script>alert(1)</script>",
        "<b>x</b>&amp;",
        "../../etc/passwd",
        "a/b\\c",
        FiveThousandCharacters,
        "\u202Eevil.exe",
        "\u2066x\u2069\u200E\u200F",
        "\u200B\uFEFF",
        "😀👩‍💻🏳️‍🌈",
        "line\r\nbreak",
        "\u0007\u001B[31m",
    ];

    /// <summary>The list as xunit theory data, each value shown escaped so a failing row can be read.</summary>
    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var value in All)
        {
            data.Add(value);
        }

        return data;
    }

    /// <summary>A value as it reads in a failure message: control and format characters escaped, long values shortened.</summary>
    public static string Show(string value)
    {
        var shown = string.Concat(value.Take(40).Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
            ? $"\\u{(int)c:X4}"
            : c.ToString()));
        return value.Length > 40 ? $"{shown}… ({value.Length} chars)" : shown;
    }
}
