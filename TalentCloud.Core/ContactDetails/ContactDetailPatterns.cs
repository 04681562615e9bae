using System.Text.RegularExpressions;

namespace TalentCloud.Core.ContactDetails;

/// <summary>
/// Compiled patterns behind <see cref="ContactDetailsDetector"/>. Every pattern is anchored on token
/// boundaries with look-behinds, uses bounded quantifiers around ambiguous parts and carries a match
/// timeout, so scanning stays close to linear even on long or hostile input.
/// </summary>
internal static partial class ContactDetailPatterns
{
    /// <summary>Safety net only; the patterns finish in microseconds on ordinary input.</summary>
    private const int TimeoutMilliseconds = 2000;

    private const RegexOptions Plain = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions IgnoreCase = Plain | RegexOptions.IgnoreCase;

    // Building blocks. Blank never spans a line break: contact details do not either.
    private const string Blank = @"[ \t\u00A0]";
    private const string Label = @"[A-Za-z0-9][A-Za-z0-9\-]{0,62}";
    private const string OpenBracket = @"[\[\(\{<]";
    private const string CloseBracket = @"[\]\)\}>]";
    private const string BracketedDot = Blank + "*" + OpenBracket + Blank + @"*(?:dot|\.)" + Blank + "*" + CloseBracket + Blank + "*";
    private const string WordDot = Blank + "+dot" + Blank + "+";
    private const string SpacedDot = Blank + @"+\." + Blank + "*";
    private const string AnyDot = "(?:" + BracketedDot + "|" + WordDot + "|" + SpacedDot + @"|\.)";
    private const string LocalPart = @"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}";

    private const string MessengerApps =
        @"skype|whats[ \-]?app|telegram|tele[ \-]gram|we[ \-]?chat|weixin|discord|viber|threema|kik|icq|kakao[ \-]?talk|snap[ \-]?chat|signal";

    private const string Messengers = MessengerApps + "|line";

    private const string SocialNetworks =
        @"instagram|insta|ig|twitter|tiktok|tik[ \-]tok|facebook|fb|linkedin";

    private const string HandleKeyword =
        @"id|handle|user[ \-]?name|user|name|nick(?:name)?|number|no\.|nr\.?|account|contact|tag";

    private const string Handle =
        @"(?<h>\+?\d[\d \t\-().]{5,20}\d|@?[A-Za-z0-9_][A-Za-z0-9_.\-]{1,31}(?:#\d{4})?)";

    private const string EmailPattern =
        @"(?<![A-Za-z0-9._%+\-@])" + LocalPart + @"@(?:" + Label + @"\.){1,8}(?<tld>[a-z]{2,24}|[A-Z]{2,24})(?![A-Za-z0-9\-])";

    private const string SchemeUrlPattern =
        @"\b(?:https?|hxxps?|ftp)://[^\s<>""'`{}|\\^]+";

    private const string WwwUrlPattern =
        @"(?<![\w.\-/@])www\d{0,3}\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*(?:[:/?#][^\s<>""'`]*)?";

    // Top-level domain must be written in lower case ("ASP.NET" and "System.IO" are not addresses).
    private const string BareDomainPattern =
        @"(?<![\w.@\-/\\])(?<host>(?:" + Label + @"\.){1,6}(?<tld>[a-z]{2,24}))(?![\w\-(]|\.[A-Za-z0-9])(?<path>(?::\d{2,5})?/[^\s<>""'`]*)?";

    private const string BracketedDomainPattern =
        @"(?<![\w.@\-])" + Label + "(?:(?:" + BracketedDot + @"|\.)" + Label + "){0,5}(?:" + BracketedDot + @"|\.)(?<tld>[A-Za-z]{2,24})(?![\w\-])";

    private const string ObfuscatedEmailPattern =
        @"(?<![\w.@\-])(?<local>" + LocalPart + "(?:(?:" + BracketedDot + "|" + WordDot + ")" + LocalPart + "){0,4})"
        + "(?<at>" + Blank + "*" + OpenBracket + Blank + "*(?:at|@)" + Blank + "*" + CloseBracket + Blank + "*"
        + "|" + Blank + "+(?:at|@)" + Blank + "+|" + Blank + "+@|@" + Blank + "+|@)"
        + "(?<domain>" + Label + "(?:" + AnyDot + Label + "){0,5})"
        + "(?<lastdot>" + AnyDot + @")(?<tld>[A-Za-z]{2,24})(?![\w\-])";

    private const string MessengerLabelPattern =
        @"\b(?<p>" + Messengers + "|" + SocialNetworks + @")\b(?:" + Blank + @"*\(?" + Blank + "*(?<kw>" + HandleKeyword + @")\)?)?"
        + "(?<sep>" + Blank + "*[:=]" + Blank + "*|" + Blank + "*[\\-–—]" + Blank + "+|" + Blank + "+is" + Blank + "+|" + Blank + "+)"
        + Handle + @"(?![\w@])";

    private const string ContactVerb =
        @"add|find|message|msg|contact|reach|text|ping|call|dm|pm|write|hit|catch|buzz|connect[ \t]+with|chat[ \t]+with|talk[ \t]+(?:to|with)|speak[ \t]+(?:to|with)|get[ \t]+in[ \t]+touch[ \t]+with|reach[ \t]+out[ \t]+to|write[ \t]+to";

    private const string MessengerInvitationPattern =
        @"\b(?:" + ContactVerb + ")" + Blank + "+(?:me|us)(?:" + Blank + "+(?:up|directly|privately|personally|anytime|there))?"
        + Blank + "+(?:on|via|over|through|using|at|in)" + Blank + "+(?<p>" + MessengerApps + "|wa|tg|" + SocialNetworks + @")\b";

    private const string MessengerSuggestionPattern =
        @"\b(?:let[’']?s|let" + Blank + "+us|please|pls|plz|feel" + Blank + "+free" + Blank + "+to|you" + Blank + "+can|can" + Blank
        + "+you|could" + Blank + "+you|we" + Blank + "+can|can" + Blank + "+we|could" + Blank + "+we|shall" + Blank + "+we|better|rather)(?:" + Blank + "+[A-Za-z’']+){1,3}?"
        + Blank + "+(?:on|via|over|through|to)" + Blank + "+(?<p>" + MessengerApps + "|wa|tg" + @")\b";

    private const string MessengerVerbPattern =
        @"\b(?<p>whats[ \-]?app|skype|telegram|we[ \-]?chat|viber)" + Blank + @"+(?:me|us)\b";

    private const string AtHandlePattern =
        @"(?<![\w@.+\-/&=:#$%*^!~])@(?<h>[A-Za-z_][A-Za-z0-9_]{2,31}(?:\.[A-Za-z0-9_]+)*)(?![\w@(/]|-\w)";

    private const string DigitWord = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)";
    private const string SpelledToken = "(?:(?:(?:double|triple)[ \\t\\-]+)?" + DigitWord + @"|\d{1,4})(?![A-Za-z0-9_])";
    private const string SpelledSeparator = "(?:" + Blank + "+(?:[,.\\-–/]" + Blank + "*)?|[,.\\-–/]" + Blank + "*)";

    private const string SpelledPhonePattern =
        @"(?<![\w+\-.])" + SpelledToken + "(?:" + SpelledSeparator + SpelledToken + "){2,}";

    private const string DigitGroup = @"(?:\(" + Blank + @"?\d{1,5}" + Blank + @"?\)|\d+)";
    private const string DigitSeparator = "(?:" + Blank + "{1,3}(?:[.\\-–/]" + Blank + "{0,2})?|[.\\-–/]" + Blank + "{0,2})";

    private const string NumericPhonePattern =
        @"(?<![\w+#$€£¥₹.,/\-–@&=])(?:\+" + Blank + "?)?" + DigitGroup + "(?:(?:" + DigitSeparator + @"|(?<=\))|(?=\())" + DigitGroup + @")*(?![\w%‰°])";

    private const string DatePattern =
        @"(?<![\d.\-/])(?:(?<y>\d{4})(?<s>[\-./])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})|(?<a>\d{1,2})(?<t>[\-./])(?<b>\d{1,2})\k<t>(?<c>\d{4}|\d{2}))(?!\d|[\-./]\d)";

    private const string TimePattern =
        @"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])";

    private const string YearRangePattern =
        @"(?<![\d.\-/])(?<from>(?:19|20)\d{2})" + Blank + "*(?:[\\-–—/]|to|till|until)" + Blank + @"*(?<to>(?:19|20)\d{2}|\d{2})(?!\d|[\-./]\d)";

    [GeneratedRegex(EmailPattern, Plain, TimeoutMilliseconds)]
    internal static partial Regex Email();

    [GeneratedRegex(SchemeUrlPattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex SchemeUrl();

    [GeneratedRegex(WwwUrlPattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex WwwUrl();

    [GeneratedRegex(BareDomainPattern, Plain, TimeoutMilliseconds)]
    internal static partial Regex BareDomain();

    [GeneratedRegex(BracketedDomainPattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex BracketedDomain();

    [GeneratedRegex(ObfuscatedEmailPattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex ObfuscatedEmail();

    [GeneratedRegex(MessengerLabelPattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex MessengerLabel();

    [GeneratedRegex(MessengerInvitationPattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex MessengerInvitation();

    [GeneratedRegex(MessengerSuggestionPattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex MessengerSuggestion();

    [GeneratedRegex(MessengerVerbPattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex MessengerVerb();

    [GeneratedRegex(AtHandlePattern, Plain, TimeoutMilliseconds)]
    internal static partial Regex AtHandle();

    [GeneratedRegex(SpelledPhonePattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex SpelledPhone();

    [GeneratedRegex(NumericPhonePattern, Plain, TimeoutMilliseconds)]
    internal static partial Regex NumericPhone();

    [GeneratedRegex(DatePattern, Plain, TimeoutMilliseconds)]
    internal static partial Regex Date();

    [GeneratedRegex(TimePattern, Plain, TimeoutMilliseconds)]
    internal static partial Regex Time();

    [GeneratedRegex(YearRangePattern, IgnoreCase, TimeoutMilliseconds)]
    internal static partial Regex YearRange();
}
