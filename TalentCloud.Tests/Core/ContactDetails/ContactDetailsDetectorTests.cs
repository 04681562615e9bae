using System.Text;
using TalentCloud.Core.ContactDetails;
using Xunit;

namespace TalentCloud.Tests.Core.ContactDetails;

public sealed class ContactDetailsDetectorTests
{
    private readonly ContactDetailsDetector _detector = ContactDetailsDetector.Default;

    public static TheoryData<string, ContactDetailKind> Positives => new()
    {
        // E-mail addresses
        { "Send your CV to jane.doe@example.com before Friday.", ContactDetailKind.Email },
        { "Reach me at j.smith+jobs@mail.acme.co.uk if you are interested.", ContactDetailKind.Email },
        { "My address is MARIA.LOPEZ@OUTLOOK.COM", ContactDetailKind.Email },
        { "Questions? hr-team@talent-corp.io", ContactDetailKind.Email },
        { "contact:dev_ops@startup.dev", ContactDetailKind.Email },
        { "Email me (john.w@gmail.com) for the portfolio.", ContactDetailKind.Email },
        { "Write to 5551234@qq.com", ContactDetailKind.Email },
        { "You can reply to support@acme.com.au as well.", ContactDetailKind.Email },
        { "My e-mail: anna_k@web.de", ContactDetailKind.Email },
        { "office@firma.pl is monitored daily", ContactDetailKind.Email },
        { "Drop a line to ceo@my-company.agency.", ContactDetailKind.Email },
        { "<a href=\"mailto:info@studio.design\">mail us</a>", ContactDetailKind.Email },
        { "Email: anna.schmidt@uni-heidelberg.de", ContactDetailKind.Email },
        { "Contact Jane (jane@acme.org) or Tom for details.", ContactDetailKind.Email },

        // Phone numbers
        { "Call me on +1 (415) 555-0100 tomorrow.", ContactDetailKind.Phone },
        { "My cell is 415.555.0100.", ContactDetailKind.Phone },
        { "Office: 020 7946 0958", ContactDetailKind.Phone },
        { "Ring +44 20 7946 0958 after 6pm.", ContactDetailKind.Phone },
        { "Liverpool office 0151-496-0000", ContactDetailKind.Phone },
        { "text 5551234567 anytime", ContactDetailKind.Phone },
        { "Mobile +49 151 23456789", ContactDetailKind.Phone },
        { "You can reach me at (555) 123-4567.", ContactDetailKind.Phone },
        { "Tel. +33 6 12 34 56 78", ContactDetailKind.Phone },
        { "Appelez le 06 12 34 56 78 svp", ContactDetailKind.Phone },
        { "Phone: 555-0100 ext 12", ContactDetailKind.Phone },
        { "Call 1-800-555-0199 for details", ContactDetailKind.Phone },
        { "My number is 0044 7700 900123", ContactDetailKind.Phone },
        { "India office: +91 98765 43210", ContactDetailKind.Phone },
        { "Berlin: 030/1234567", ContactDetailKind.Phone },
        { "Sydney desk +61 2 9374 4000", ContactDetailKind.Phone },
        { "Please dial 212 555 0147 when you land", ContactDetailKind.Phone },
        { "Contact number:07700900123", ContactDetailKind.Phone },
        { "Moscow: +7 (495) 123-45-67", ContactDetailKind.Phone },
        { "call +1.415.555.0100", ContactDetailKind.Phone },
        { "Mobile: +353 87 123 4567", ContactDetailKind.Phone },
        { "Call us free: 0800 123 4567", ContactDetailKind.Phone },
        { "Fax 02 9876 5432", ContactDetailKind.Phone },
        { "my work number 555 867 5309", ContactDetailKind.Phone },
        { "Call: 555 010 0199 or 555 010 0188", ContactDetailKind.Phone },
        { "UK landline +44 (0)20 7946 0958", ContactDetailKind.Phone },
        { "Numbers: 555-123-4567 555-765-4321", ContactDetailKind.Phone },

        // Links and web addresses
        { "Portfolio: https://janedoe.design/work", ContactDetailKind.Url },
        { "See http://example.org for details.", ContactDetailKind.Url },
        { "More at www.acme-consulting.com", ContactDetailKind.Url },
        { "Visit acme.io to see my work", ContactDetailKind.Url },
        { "My site is my-site.co.uk", ContactDetailKind.Url },
        { "Check portfolio.dev/page for samples.", ContactDetailKind.Url },
        { "Case studies on behance.net/janedoe", ContactDetailKind.Url },
        { "Repo: github.com/jdoe/project", ContactDetailKind.Url },
        { "Find me at linkedin.com/in/jane-doe", ContactDetailKind.Url },
        { "Book a slot via calendly.com/jdoe/30min", ContactDetailKind.Url },
        { "Short link: bit.ly/3xYz9", ContactDetailKind.Url },
        { "Our shop acme.store has more", ContactDetailKind.Url },
        { "Try WWW.EXAMPLE.COM", ContactDetailKind.Url },
        { "Details at https://t.me/jdoe", ContactDetailKind.Url },
        { "Ping me: wa.me/15551234567", ContactDetailKind.Url },
        { "acme.ai/careers has the details", ContactDetailKind.Url },
        { "Visit janedoe[.]com for more", ContactDetailKind.Url },
        { "site: acme(dot)io", ContactDetailKind.Url },
        { "Files are on ftp://files.acme.net/pub", ContactDetailKind.Url },
        { "Blog: jane.blog", ContactDetailKind.Url },
        { "Demo: http://192.168.0.10:8080/app", ContactDetailKind.Url },
        { "Company page: Acme.io", ContactDetailKind.Url },
        { "Portfolio at https://dribbble.com/janedoe.", ContactDetailKind.Url },
        { "Telegram channel: https://t.me/acme_jobs", ContactDetailKind.Url },
        { "Our studio (see studio-nord.de) is hiring", ContactDetailKind.Url },

        // Messenger handles and invitations
        { "add me on skype: john.doe", ContactDetailKind.MessengerHandle },
        { "my telegram is @jdoe", ContactDetailKind.MessengerHandle },
        { "whatsapp me when you are free", ContactDetailKind.MessengerHandle },
        { "Skype: live_jane.doe", ContactDetailKind.MessengerHandle },
        { "WeChat ID: jdoe88", ContactDetailKind.MessengerHandle },
        { "Discord: jdoe#1234", ContactDetailKind.MessengerHandle },
        { "Signal: +1 555 010 0199", ContactDetailKind.MessengerHandle },
        { "Telegram @jdoe_dev for quick questions", ContactDetailKind.MessengerHandle },
        { "WhatsApp +44 7700 900123", ContactDetailKind.MessengerHandle },
        { "Let's continue on WhatsApp, it's faster.", ContactDetailKind.MessengerHandle },
        { "Ping me on Telegram", ContactDetailKind.MessengerHandle },
        { "Follow @jane_designs for updates", ContactDetailKind.MessengerHandle },
        { "Thanks @mike_r, see you soon", ContactDetailKind.MessengerHandle },
        { "you can reach me via Signal", ContactDetailKind.MessengerHandle },
        { "Contact us on Viber", ContactDetailKind.MessengerHandle },
        { "Viber: 380501234567", ContactDetailKind.MessengerHandle },
        { "Find me on Discord, username jdoe_42", ContactDetailKind.MessengerHandle },
        { "My Skype ID is jane.smith.work", ContactDetailKind.MessengerHandle },
        { "Snapchat: janey_s", ContactDetailKind.MessengerHandle },
        { "Instagram: @studio.jane", ContactDetailKind.MessengerHandle },
        { "IG @janedraws", ContactDetailKind.MessengerHandle },
        { "LINE ID: jdoe_tw", ContactDetailKind.MessengerHandle },
        { "Can we talk on Skype instead?", ContactDetailKind.MessengerHandle },
        { "skype me tonight", ContactDetailKind.MessengerHandle },
        { "Hit me up on Telegram", ContactDetailKind.MessengerHandle },
        { "Please message me directly on WhatsApp", ContactDetailKind.MessengerHandle },
        { "DM me on Instagram", ContactDetailKind.MessengerHandle },
        { "Add us on WeChat: acme_sh", ContactDetailKind.MessengerHandle },
        { "Kik: jdoe2000", ContactDetailKind.MessengerHandle },
        { "Twitter: @jdoe", ContactDetailKind.MessengerHandle },
        { "Telegram username - jdoe_work", ContactDetailKind.MessengerHandle },
        { "Threema ID: ABCD1234", ContactDetailKind.MessengerHandle },
        { "Viber me", ContactDetailKind.MessengerHandle },
        { "Let's move this to Telegram", ContactDetailKind.MessengerHandle },
        { "Feel free to ping me on Discord", ContactDetailKind.MessengerHandle },
        { "Skype - jane.doe.design", ContactDetailKind.MessengerHandle },

        // Disguised e-mail addresses
        { "write to name at mail dot com", ContactDetailKind.ObfuscatedEmail },
        { "jane [at] example [dot] org", ContactDetailKind.ObfuscatedEmail },
        { "jane(at)example(dot)com", ContactDetailKind.ObfuscatedEmail },
        { "john dot doe at gmail dot com", ContactDetailKind.ObfuscatedEmail },
        { "JANE AT EXAMPLE DOT COM", ContactDetailKind.ObfuscatedEmail },
        { "anna {at} web {dot} de", ContactDetailKind.ObfuscatedEmail },
        { "mike @ outlook . com", ContactDetailKind.ObfuscatedEmail },
        { "reach me: mike@outlook dot com", ContactDetailKind.ObfuscatedEmail },
        { "sam at acme.io", ContactDetailKind.ObfuscatedEmail },
        { "jdoe<at>proton<dot>me", ContactDetailKind.ObfuscatedEmail },
        { "lena (at) posteo (dot) de", ContactDetailKind.ObfuscatedEmail },
        { "contact: k.tanaka at company dot co dot jp", ContactDetailKind.ObfuscatedEmail },
        { "my mail is jane_d AT yahoo DOT fr", ContactDetailKind.ObfuscatedEmail },
        { "email: jane dot doe at outlook dot com", ContactDetailKind.ObfuscatedEmail },
        { "j.doe[at]acme[dot]io", ContactDetailKind.ObfuscatedEmail },

        // Disguised phone numbers
        { "five five five one two three four five six seven", ContactDetailKind.ObfuscatedPhone },
        { "5 5 5 - 1 2 3 - 4 5 6 7", ContactDetailKind.ObfuscatedPhone },
        { "four one five 555 0100", ContactDetailKind.ObfuscatedPhone },
        { "call me: zero seven seven zero zero nine zero zero one two three", ContactDetailKind.ObfuscatedPhone },
        { "my number is double five five, one two three, four five six seven", ContactDetailKind.ObfuscatedPhone },
        { "Text 0 7 7 0 0 9 0 0 1 2 3", ContactDetailKind.ObfuscatedPhone },
        { "nine one seven - 5 5 5 - 0 1 9 9", ContactDetailKind.ObfuscatedPhone },
        { "Reach me on 4 1 5 . 5 5 5 . 0 1 0 0", ContactDetailKind.ObfuscatedPhone },
        { "eight zero zero, five five five, zero one nine nine", ContactDetailKind.ObfuscatedPhone },
        { "Six Four Six, 555, Zero One Four Seven", ContactDetailKind.ObfuscatedPhone },
        { "zero one five one, four nine six, oh oh oh oh", ContactDetailKind.ObfuscatedPhone },
        { "five-five-five, one-two-three, four-five-six-seven", ContactDetailKind.ObfuscatedPhone },
        { "5-5-5-1-2-3-4-5-6-7", ContactDetailKind.ObfuscatedPhone },
        { "my number: 555 one two three 4567", ContactDetailKind.ObfuscatedPhone },

        // More formats seen in the wild
        { "Write me: anna-maria.novak@seznam.cz", ContactDetailKind.Email },
        { "hello@acme.studio is the fastest way", ContactDetailKind.Email },
        { "Call +14155550100 after lunch", ContactDetailKind.Phone },
        { "Call 1 (415) 555-0100 between calls", ContactDetailKind.Phone },
        { "Istanbul: +90 212 555 12 34", ContactDetailKind.Phone },
        { "São Paulo: +55 11 91234-5678", ContactDetailKind.Phone },
        { "Tokyo: +81 3-1234-5678", ContactDetailKind.Phone },
        { "Sydney office (03) 1234 5678", ContactDetailKind.Phone },
        { "my phone: 9876543210", ContactDetailKind.Phone },
        { "tel:+442079460958", ContactDetailKind.Phone },
        { "Skype jdoe.work", ContactDetailKind.MessengerHandle },
        { "Phone/WhatsApp: +44 7700 900 123", ContactDetailKind.MessengerHandle },
        { "My WeChat is jdoe_88", ContactDetailKind.MessengerHandle },
        { "Tele gram: jdoe_77", ContactDetailKind.MessengerHandle },
        { "Message me on Signal", ContactDetailKind.MessengerHandle },
        { "contact me via viber", ContactDetailKind.MessengerHandle },
        { "write to me at jane dot doe at mail dot ru", ContactDetailKind.ObfuscatedEmail },
        { "jane@gmail[dot]com", ContactDetailKind.ObfuscatedEmail },
        { "hxxps://jane.dev/cv", ContactDetailKind.Url },
        { "portfolio: jane-doe.netlify.app", ContactDetailKind.Url },
        { "She works at example.com as a designer.", ContactDetailKind.Url },
    };

    public static TheoryData<string> Negatives => new()
    {
        // Prices and amounts
        "The budget is $1,500 for the whole project.",
        "We pay USD 2500.00 per month.",
        "Rate: €45/hour, negotiable.",
        "Salary range 50000-70000 EUR gross",
        "Fixed price £12,000 including VAT.",
        "Total: 1 500 000 RUB",
        "Budget between 5000-10000 USD",
        "We raised $2.5M last year.",
        "Daily rate 650 CHF",
        "Annual salary: 1234567 JPY",
        "Paid 7654321 EUR in total",

        // Dates and times
        "The project starts on 2026-11-23.",
        "Deadline: 23/11/2026",
        "Available from Nov 23, 2026",
        "Kick-off 23.11.2026 at 10:30",
        "Interview on 11-23-2026 at 14:00",
        "Created 2026-11-23 10:30:15 UTC",
        "Invoice dated 01.02.2025, due 01.03.2025",
        "Meeting at 10:30 tomorrow.",
        "Working hours 9am-5pm, Monday to Friday",
        "Standup at 09:15 and retro at 16:45",
        "Sprint 2024-W47 planning starts Monday",
        "Reply by 5 pm on 2026/01/15 please",

        // Years and year ranges
        "Senior developer at Acme 2019-2024",
        "Worked there 2015 - 2019 and 2019 – 2023.",
        "Between 2010 and 2020 we grew tenfold.",
        "Class of 2018/2019",
        "Milestones: 2012 2015 2018",

        // Percentages and ratings
        "Conversion improved by 45% in Q3.",
        "Uptime 99.99% over 12 months",
        "Rated 4.9/5 by clients",
        "Score 98/100 on the test",
        "Rate 4.5 out of 5 stars",
        "He scored 9.5/10 in the review",
        "Scores: 98 100 97 95 99",

        // Version strings
        "Must know v2.3.1 of the API",
        "Experience with .NET 10 and C# 14",
        "Python 3.11 or newer",
        "Tested on iOS 17.2 and Android 14",
        "Runs on Windows 10.0.19041 build",
        "Upgrade from 1.2.3.4 to 1.2.3.5",
        "Chapter 3.2.1 covers routing",
        "Patch 1.20.3 released",

        // Code snippets
        "Call obj.method() after init.",
        "Use array[0].length to check.",
        "Set user.name = 'x' before saving",
        "Serialize with System.Text.Json",
        "Print via Console.WriteLine",
        "Use this.app.listen(3000) in server.js",
        "Install socket.io and express",
        "console.log(user.email)",
        "from google.cloud import storage",
        "logger.info('started')",
        "const x = req.body.id;",
        "Run dotnet test --filter Category=Unit",
        "df.head() shows the first rows",
        "Call the method getUser() at startup",

        // File names
        "Attached report.pdf and budget.xlsx",
        "Edit main.cs and Program.cs",
        "Open index.html in a browser",
        "See README.md for setup",
        "The script app.py runs nightly",
        "Export logo.ai and logo@2x.png",
        "Compress photos.zip before upload",
        "Check setup.sh and deploy.yml",
        "Styles live in site.css and theme.scss",

        // Quantities
        "We serve 10,000 users daily.",
        "Requires 3 years of experience",
        "Handles 100k requests per second",
        "Database of 25000000 records",
        "A team of 12 people",
        "We processed 1 250 000 transactions",
        "Population 3,645,000 in Berlin",
        "1,000,000 downloads and counting",
        "Total 12 500 000 impressions",
        "Latency under 250 ms at p99",

        // Postal codes and addresses without contact details
        "Office at Hauptstraße 5, 10115 Berlin",
        "Ship to 90210, Beverly Hills",
        "London SW1A 1AA",
        "Meet me at the venue, 3rd floor.",

        // "at" and "dot" in ordinary sentences
        "Let's meet at noon in the lobby.",
        "There is a dot on the map where we met.",
        "She is good at math. Dot products are easy.",
        "I worked at a dot com startup in 1999.",
        "The dot com bubble burst in 2000.",
        "We arrived at the office at 9.",
        "Look at the dot in the logo.",
        "Apply at our careers page.",

        // Skills and abbreviations
        "Skills: Node.js, ASP.NET, Vue.js, C#, F#",
        "Strong with React.js and Next.js",
        "Experienced at ASP.NET and asp.net core",
        "e.g. PostgreSQL, i.e. relational databases, etc.",
        "Familiar with ADO.NET and ML.NET",
        "Knowledge of Socket.IO and System.IO",

        // Coordinates and measurements
        "Located at 52.520008, 13.404954",
        "GPS: 40.7128° N, 74.0060° W",
        "Resolution 1920x1080 at 60fps",
        "Temperature 21.5°C in the office",
        "Pi is 3.14159265",

        // Ordinary use of the at sign
        "Apples @ 5 dollars each",
        "Meet @10am at the cafe",
        "Our email@ is broken",
        "Annotate with @Override and @Autowired",
        "@media (max-width: 600px) { }",
        "Notify @everyone in the channel",
        "npm install @angular/core",
        "Use @Input() decorators",
        "Use the @ symbol in the template.",

        // Messenger names without contact details
        "We use Slack and Discord for internal chat.",
        "Experience with the WhatsApp Business API is a plus.",
        "Built a Telegram bot for order tracking.",
        "Signal processing background required.",
        "Skype is no longer used by our team.",
        "My signal is weak in the basement.",
        "Integrate WeChat Pay and Alipay",
        "Draw a line from A to B",
        "The team chats on Zoom weekly",
        "Telegram: integration via bot API",

        // Identifiers and other numbers
        "Server IP 192.168.100.200 is internal",
        "Order 12345678 has shipped",
        "ISBN 978-3-16-148410-0",
        "Invoice no. 20231234 attached",
        "Ticket #4521873 was closed",
        "Count: 1 2 3 4 5 6 7 8",
        "Build 20240115 passed",
        "Transaction 987654321 failed",

        // Number words
        "Numbers one two three four five six seven are lucky",
        "I have two or three ideas, maybe four.",
        "Ages five to nine welcome",
        "It was one of those days.",
        "A classic nine to five job",

        // Everyday platform prose
        "Contact us through the TalentCloud messaging system.",
        "Response within 24/7 support",
        "Email is the preferred channel; phone calls are not.",
        "Please send messages through this platform only.",
        "Bank account IBAN DE89 3704 0044 0532 0130 00",
        "Version history: 1.0 (2019), 1.5 (2020), 2.0 (2021), 2.1.4 (2022).",
        "Run `npm i @nestjs/core` and `git clone git@github.com:acme/app.git`.",
        "Figures: 120 340 560 780 in thousands.",
        "one one one one one one one one",
        "Salary: 70.000 - 90.000 EUR per year, plus 30 days vacation.",
        "Compensation 4 500 000 HUF per month",
        "Worked at Google from 2016 to 2020, then at Spotify 2020-2023.",
        "Built with Next.js 14, Tailwind CSS 3.4 and Prisma 5.7.1.",
        "Version 10.0.100-rc.2.24474.11",
        "Processed 1.234.567 payments last year.",
        "Serial: SN-2024-00012345",
        "Invoice INV-2024-1234567",
        "Tax ID DE123456789",
        "Dimensions 1200 x 800 x 600 mm",
        "My skype is broken today.",
        "Telegram: we built a bot with 50k users.",
        "Instagram: 10k followers for the brand account.",
        "I'm at my best when working with small teams.",
        "Certifications: AWS SAA-C03 (2023), PMP #1234567 (2021), Scrum PSM I.",
        "Discord bot development with discord.js and Python.",
        "Skype for Business migration to Microsoft Teams.",
        "Line charts and bar charts in D3.js.",
        "LinkedIn: 500+ connections.",
        "Let's discuss the project on this platform.",
        "Let's move the deadline to Friday.",
        "Could you send it through the portal?",
        "@dataclass",
        "@keyframes spin { }",
        "Thanks @ all of you!",
        "In Razor use @model and @foreach.",
        "I love C#@work",
        "@2x and @3x assets",
        "Top-level domains like .io and .dev are popular.",
        "this.props.user.name",
        "process.env.NODE_ENV",
        "import { x } from './utils.js';",
        "I am at ease with React and at home with TypeScript.",
        "Look at page 5. Dot grid backgrounds are trendy.",
        "Two, three, four, five, six, seven or eight people",
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Find_DetectsContactDetail(string text, ContactDetailKind expected)
    {
        var matches = _detector.Find(text);

        Assert.True(
            matches.Any(m => m.Kind == expected),
            $"Expected {expected} in \"{text}\" but found: {Format(matches)}");
        Assert.True(_detector.ContainsContactDetails(text));
        foreach (var match in matches)
        {
            Assert.Equal(match.Value, text.Substring(match.Index, match.Length));
        }
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Find_IgnoresOrdinaryText(string text)
    {
        var matches = _detector.Find(text);

        Assert.True(matches.Count == 0, $"Expected no match in \"{text}\" but found: {Format(matches)}");
        Assert.False(_detector.ContainsContactDetails(text));
    }

    [Fact]
    public void Find_IndexAndLengthPointAtMatchedText()
    {
        const string text = "Hi! Write to jane@example.com or call +44 20 7946 0958.";

        var matches = _detector.Find(text);

        Assert.Collection(
            matches,
            m =>
            {
                Assert.Equal(ContactDetailKind.Email, m.Kind);
                Assert.Equal(text.IndexOf("jane@", StringComparison.Ordinal), m.Index);
                Assert.Equal("jane@example.com".Length, m.Length);
                Assert.Equal("jane@example.com", m.Value);
            },
            m =>
            {
                Assert.Equal(ContactDetailKind.Phone, m.Kind);
                Assert.Equal(text.IndexOf("+44", StringComparison.Ordinal), m.Index);
                Assert.Equal("+44 20 7946 0958", m.Value);
                Assert.Equal(m.Value, text.Substring(m.Index, m.Length));
            });
    }

    [Fact]
    public void Find_ReturnsOrderedNonOverlappingMatches()
    {
        const string text =
            "Portfolio www.jane.design, mail jane@jane.design, WhatsApp +1 415 555 0100, or jane at jane dot design.";

        var matches = _detector.Find(text);

        Assert.Equal(
            [ContactDetailKind.Url, ContactDetailKind.Email, ContactDetailKind.MessengerHandle, ContactDetailKind.ObfuscatedEmail],
            matches.Select(m => m.Kind));
        for (var i = 1; i < matches.Count; i++)
        {
            Assert.True(matches[i - 1].Index + matches[i - 1].Length <= matches[i].Index);
        }
    }

    [Fact]
    public void Find_TrimsSentencePunctuationFromLinks()
    {
        var match = Assert.Single(_detector.Find("Read more at https://example.com/jobs?id=7)."));

        Assert.Equal("https://example.com/jobs?id=7", match.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Find_NullOrBlankText_ReturnsNoMatches(string? text)
    {
        Assert.Empty(_detector.Find(text));
        Assert.False(_detector.ContainsContactDetails(text));
    }

    [Fact]
    public void Find_LongInputs_Complete()
    {
        var mixed = new StringBuilder();
        while (mixed.Length < 10_000)
        {
            mixed.Append("We ship v2.3.1 on 2026-11-23 for $1,500; see report.pdf, obj.method() and meet at noon. ");
        }

        var inputs = new[]
        {
            mixed.ToString(0, 10_000),
            new string('1', 10_000),
            new string('a', 10_000),
            string.Concat(Enumerable.Repeat("a.", 5_000)),
            string.Concat(Enumerable.Repeat("a@", 5_000)),
            string.Concat(Enumerable.Repeat("1 ", 5_000)),
            string.Concat(Enumerable.Repeat("one ", 2_500)),
            string.Concat(Enumerable.Repeat("x at y ", 1_428)),
            string.Concat(Enumerable.Repeat("skype: ", 1_428)),
            "a" + new string(' ', 9_998) + "@",
            new string('-', 5_000) + new string('.', 5_000),
        };

        foreach (var input in inputs)
        {
            Assert.True(input.Length >= 9_990);
            var matches = _detector.Find(input);
            Assert.NotNull(matches);
        }

        var withContact = mixed.ToString(0, 9_950) + " jane@example.com";
        Assert.Contains(_detector.Find(withContact), m => m.Kind == ContactDetailKind.Email);
    }

    [Fact]
    public void Describe_CoversEveryKind()
    {
        var descriptions = Enum.GetValues<ContactDetailKind>().Select(ContactDetailsDetector.Describe).ToList();

        Assert.All(descriptions, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
        Assert.Equal("an e-mail address", ContactDetailsDetector.Describe(ContactDetailKind.Email));
        Assert.Equal("a phone number", ContactDetailsDetector.Describe(ContactDetailKind.Phone));
        Assert.Equal("a link or web address", ContactDetailsDetector.Describe(ContactDetailKind.Url));
        Assert.Equal("a messenger handle", ContactDetailsDetector.Describe(ContactDetailKind.MessengerHandle));
        Assert.Equal("a disguised e-mail address", ContactDetailsDetector.Describe(ContactDetailKind.ObfuscatedEmail));
        Assert.Equal("a disguised phone number", ContactDetailsDetector.Describe(ContactDetailKind.ObfuscatedPhone));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactDetailsDetector.Describe((ContactDetailKind)999));
    }

    [Fact]
    public void Default_IsSharedInstance()
    {
        Assert.Same(ContactDetailsDetector.Default, ContactDetailsDetector.Default);
    }

    [Fact]
    public void Corpus_HasEnoughCases()
    {
        Assert.True(Positives.Count >= 110);
        Assert.True(Negatives.Count >= 110);
    }

    private static string Format(IReadOnlyList<ContactDetailMatch> matches) =>
        matches.Count == 0
            ? "nothing"
            : string.Join(", ", matches.Select(m => $"{m.Kind} '{m.Value}' @{m.Index}"));
}
