using TalentCloud.Core.ContactDetails;
using Xunit;

namespace TalentCloud.Tests.Core.ContactDetails;

/// <summary>
/// Asking for contact details is refused wherever sharing them is. The corpus holds the ways people ask (plain,
/// abbreviated and disguised) and ordinary sentences that look like them; the detector must catch every request
/// and leave every look-alike alone.
/// </summary>
public sealed class ContactRequestCorpusTests
{
    public static readonly IReadOnlyList<string> Requests =
    [
        // Asking directly
        "What's your WhatsApp?",
        "what's your email?",
        "What is your phone number?",
        "whats ur number",
        "What's your Skype ID?",
        "What's your Telegram handle?",
        "what is your e-mail address please",
        "What's the best email to reach you?",
        "What's your WeChat ID?",
        "what are your socials?",
        "What's your LinkedIn?",
        "What's your Instagram handle?",
        "Hey, what's your cell?",
        "What is your mobile number so I can text you the details",
        "wats ur whatsapp no?",
        "What's your personal email?",
        "What's your contact number?",
        "Quick question: what's your Discord?",
        "what's your number? I'll call you after lunch",
        "Before we start, what's your work email and phone?",

        // Asking to be given it
        "Send me your email",
        "Send me your e-mail address and I will forward the brief.",
        "Please share your phone number.",
        "Give me your number so I can call you.",
        "Drop your WhatsApp below.",
        "DM me your Telegram.",
        "Text me your number when you get a chance.",
        "Can you send me your Skype?",
        "Could you share your contact details?",
        "Kindly provide your email address for further communication.",
        "Leave your phone number here and I'll get back to you.",
        "Tell me your WhatsApp number please.",
        "Share your email with me so we can talk more freely.",
        "Gimme ur number.",
        "Pass me your email and I'll send the NDA.",
        "Post your WhatsApp in the chat.",
        "Write down your phone number for me.",
        "Forward me your contact info.",
        "Can I have your email?",
        "Can I get your number?",
        "May I have your phone number, please?",
        "Could I get your WhatsApp?",
        "Can we get your email address to send the contract?",
        "can i have ur skype pls",
        "I need your email to add you to our workspace.",
        "I'd like your phone number.",
        "We would like your contact details for the paperwork.",
        "I want your WhatsApp, it's easier.",
        "Let me have your email, I'll send the specs there.",
        "Mind sharing your number?",
        "Would you mind sending me your email?",
        "Your email please.",
        "ur whatsapp pls",
        "Hi, WhatsApp number?",
        "ok, your telegram?",
        "So, your Skype ID?",

        // Asking whether they are on a channel
        "Do you have WhatsApp?",
        "Are you on Telegram?",
        "Do you have a phone number I can call?",
        "u on skype?",
        "Do you use Viber?",
        "Have you got an email I can send the files to?",
        "Is there an email I can reach you at?",
        "Are you on LinkedIn?",
        "Do you have WeChat? Most of our team uses it.",

        // Asking to call, text or mail them
        "Can I call you?",
        "Can I call you tomorrow to discuss the scope?",
        "Could we call you this afternoon?",
        "Is it ok if I text you?",
        "May I call you at 5pm?",
        "I'll call you later.",
        "Let me give you a call tonight.",
        "Can I WhatsApp you?",
        "Should I email you directly?",
        "Can I Skype you on Monday?",
        "Give me a call when you're free.",
        "Call me tomorrow, I'm around all day.",
        "Call me back when you have a minute.",
        "Shoot me an email with the quote.",
        "Send me a text when you land.",
        "Ring me later.",

        // Asking how to reach them
        "How can I reach you?",
        "How can I contact you outside of here?",
        "What's the best way to reach you?",
        "Where can I reach you?",
        "Is there a number where I can reach you?",
        "How do I get in touch with you directly?",
        "When can I call you?",
        "What's the best time to call you?",

        // Moving the conversation elsewhere
        "Let's move this to Telegram.",
        "Let's take this offline.",
        "Can we talk on the phone instead?",
        "Let's continue this conversation via email.",
        "Could we discuss it over the phone?",
        "Let's chat on WhatsApp, it's faster.",
        "Let's continue outside the platform.",
        "Can we take this off the platform?",
        "I'd prefer to talk outside of TalentCloud.",
        "Contact me directly.",
        "Email me directly at your convenience.",
        "Let's exchange numbers.",
        "Should we swap emails?",
        "Reach me on my personal phone.",
        "Let's switch this conversation to Skype.",
        "Shall we move the chat over to WhatsApp?",
        "Would you be open to working outside the platform?",

        // Offering one's own, to get theirs
        "Let me give you my number.",
        "I'll send you my email so we can talk there.",
        "I can text you my WhatsApp.",
        "Happy to share my personal email if that helps.",

        // More everyday phrasings
        "hey whats ur whatsapp bro",
        "Could you give me your email address?",
        "Please send your phone number to me.",
        "What's your email id?",
        "Can I reach you by phone?",
        "Are you available on WhatsApp?",
        "Do you have a mobile number?",
        "Can we have a quick call on WhatsApp?",
        "Email me.",
        "I'd like to get your phone number.",
        "Is it possible to get your contact details?",
        "Can you give me a number I can call?",
        "Call me on Monday.",
        "What's your hourly rate? And your number?",
        "Is WhatsApp ok for you?",
        "I'll call you in the morning.",
        "Send me your WhatsApp number to apply, we move fast.",
        "What's your email to confirm the booking?",

        // Disguised
        "what's your wh@tsapp?",
        "whats ur w h a t s a p p",
        "send me your e.m.a.i.l",
        "what's your ph0ne numb3r?",
        "gimme ur em@il",
        "What's your t3legram?",
        "Drop ur d1gits.",
        "what is ur sk-y-p-e",
        "can i get ur c e l l",
        "WHAT'S YOUR E-MAIL???",
        "Whats your whats app",
        "What’s your Tele gram?",
        "send ur mail id",
        "what's ur nmbr",
        "ur insta?",
        "plz send ur fone number",
        "c4n I c4ll y0u?",
        "wh4t's y0ur 3mail?",
        "sh@re y0ur ph0ne pls",
        "let's m0ve this to t e l e g r a m",
    ];

    public static readonly IReadOnlyList<string> LookAlikes =
    [
        // The same words, about the work
        "Send me the design file.",
        "Call the API with the new token.",
        "What's your time zone?",
        "What's your hourly rate for this kind of work?",
        "Send me your portfolio.",
        "Please send me your CV.",
        "Share your screen during the demo.",
        "What's your availability next week?",
        "Can you call the endpoint twice?",
        "What's your email marketing experience?",
        "Do you have experience with the WhatsApp Business API?",
        "What's your phone model for testing?",
        "What's your number one priority this sprint?",
        "Send me the number of active users.",
        "Can I call you Bob?",
        "Call me crazy, but I like tabs.",
        "Do you have a phone to test the app on?",
        "Is there a number field in the form?",
        "Let's move the logic to the email service.",
        "Let's discuss the project here.",
        "How can I reach the staging server?",
        "What's the best way to reach our users?",
        "Send me your estimate by Friday.",
        "Give me your feedback on the mockups.",
        "Share your thoughts on the proposal.",
        "What's your preferred stack?",
        "Tell me your availability for a call here on the platform.",
        "Build an email signup form with validation.",
        "Validate the phone number format on the server.",
        "Add a contact form to the landing page.",
        "The app sends a confirmation email after sign-up.",
        "Our Telegram bot posts build results.",
        "Integrate Skype for Business with the CRM.",
        "Can you handle the email templates too?",
        "What's your address space configuration?",
        "What's your handle on the deadline risk?",
        "I'll send you my estimate tomorrow.",
        "Let me share my screen.",
        "I can give you my availability for next week.",
        "Let's take this step by step.",
        "Take the server offline for maintenance.",
        "We exchange emails with the bank's API every night.",
        "The exchange rates are updated hourly.",
        "Your number of retries should be limited.",
        "Check your email settings in the app.",
        "Did you get the design file I sent?",
        "What's your favourite framework?",
        "Which phone do you test on?",
        "Do you use Slack or Teams at work?",
        "Do you have signal there?",
        "Are you on the latest version of Xcode?",
        "Are you on track for the Friday release?",
        "Can we talk about the budget?",
        "Let's talk on Monday about the scope.",
        "Let's continue on the next milestone.",
        "Let's discuss it in the weekly review.",
        "Contact me here if you have questions.",
        "Message me directly if anything blocks you.",
        "Reach out through this chat whenever you need.",
        "I'll call the function after the data loads.",
        "Call them back with the result.",
        "Give me a call stack trace next time it crashes.",
        "Give me a callback URL for the webhook.",
        "What's your email open rate?",
        "What's your mobile strategy?",
        "Send your invoices to the accounts team.",
        "Show me your phone screen recording.",
        "We need your phone number verified in the app before launch.",
        "How do you handle email bounces?",
        "What do you think about the WhatsApp integration?",
        "Is your contact page ready?",
        "Update the contact details screen.",
        "The client asked what's your delivery date.",
        "Your email template looks great.",
        "Please keep all communication on TalentCloud.",
        "I don't have WhatsApp Business experience yet.",
        "Drop the table and recreate it.",
        "Leave your comments in the document.",
        "Post your update in this thread.",
        "Tell me your thoughts on the colour palette.",
        "Can I have your opinion on the logo?",
        "Can I get your sign-off on the wireframes?",
        "I need your approval before we deploy.",
        "I'd like your input on the architecture.",
        "Mind sharing your screen?",
        "Your feedback please.",
        "Can we discuss the phone layout?",
        "Let's talk through the email flow.",
        "Let's continue with SMS for two-factor sign-in.",
        "We could move it to the mail server later.",
        "The freelancer's phone number field must be optional.",
        "Don't forget to update the changelog.",
        "Why don't you send me your draft?",
        "What's the best way to structure the database?",
        "Where can I find the documentation?",
        "How can I reach 95% test coverage?",
        "Who should I contact about access?",
        "What's your experience with Telegram bots?",
        "Can you add a 'Call us' button to the footer?",
        "Create a 'Contact me' link that opens the in-app chat.",
        "I'll text the team once the build is green.",
        "Shoot me a message here when it's deployed.",
        "Send me a text file with the logs.",
        "Ring buffer size is 1024.",
        "The phone mockup needs more padding.",
        "Your Instagram campaign numbers look strong.",
        "Are you on LinkedIn Learning?",
        "Do you have Telegram bot experience?",
        "Have you got an email template for onboarding?",
        "Is there an email notification when a job closes?",
        "Did you get your email confirmation?",
        "Type your email and password to sign in.",
        "The user enters your email on the invite screen.",
        "I never share my number before a contract.",

        // Job posts, bios and skills that name the channels
        "Customers can call you directly from the app.",
        "Users send their phone number to receive a login code.",
        "Build an SMS flow: the user types their number and we text them a code.",
        "The form asks for your email and phone so we can create your account.",
        "Experience with Twilio: sending SMS and placing phone calls.",
        "Implement a contact section with email and phone fields.",
        "I build WhatsApp and Telegram bots for small shops.",
        "We will send you the contract through TalentCloud once approved.",
        "Please share your GitHub profile in your proposal.",
        "We will call you out in the release notes.",
        "Email marketing specialist with 10 years of experience.",
        "Your phone number will never be shown publicly.",
        "I need your help with a SQL query.",
        "Can I have your attention for a moment?",
        "Let's move on to the next item.",
        "Let's switch to the new design.",
        "What's your number of years of experience with React?",
        "Are you on board with the plan?",
        "Do you have an email template for that?",
        "How can I reach the same result with less code?",
        "We'll text you a verification code when you sign up.",
        "Ask the user for their email address at checkout.",
        "The support team will contact you through the platform.",
        "Is email okay for notifications?",
        "Skills: email marketing, phone sales, WhatsApp Business, Telegram bots",
        "Please contact me here on TalentCloud.",
        "Mobile developer: iOS, Android, phone and tablet layouts.",
        "Let's discuss via the TalentCloud messages.",
        "Can we talk tomorrow?",
        "I'll email you the invoice through the platform.",
        "Is it ok if I call you Sam?",
        "Should I call you by your first name?",
        "Send your email to the client for approval.",
        "Forward your email to the marketing team.",

        // Warnings and rules, which mention asking without asking
        "Please don't send me your phone number; the rules forbid it.",
        "Never share your email address with strangers.",
        "We can't exchange numbers before a contract starts.",
        "Please don't ask for my WhatsApp; I keep work here.",
        "I'll WhatsApp the designer in my team about it.",
    ];

    [Fact]
    public void Corpus_HoldsAtLeastAHundredOfEach()
    {
        Assert.True(Requests.Count >= 100, $"{Requests.Count} requests");
        Assert.True(LookAlikes.Count >= 100, $"{LookAlikes.Count} look-alikes");
        Assert.Equal(Requests.Count, Requests.Distinct().Count());
        Assert.Equal(LookAlikes.Count, LookAlikes.Distinct().Count());
    }

    [Fact]
    public void EveryRequestIsDetected()
    {
        var misses = Requests.Where(text => !ContactDetailsDetector.Default.ContainsContactDetails(text)).ToList();

        Assert.True(misses.Count == 0, $"{misses.Count} missed:\n" + string.Join("\n", misses));
    }

    [Fact]
    public void NoLookAlikeIsDetected()
    {
        var alarms = LookAlikes
            .Select(text => (text, found: ContactDetailsDetector.Default.Find(text)))
            .Where(x => x.found.Count > 0)
            .Select(x => $"{x.text}  →  {string.Join(", ", x.found.Select(m => $"{m.Kind} '{m.Value}'"))}")
            .ToList();

        Assert.True(alarms.Count == 0, $"{alarms.Count} false alarms:\n" + string.Join("\n", alarms));
    }

    [Theory]
    [InlineData("What's your WhatsApp?", "WhatsApp")]
    [InlineData("Thanks! Can I call you tomorrow?", "call you")]
    [InlineData("Hi Omar, what's your wh@tsapp?", "wh@tsapp")]
    public void ARequestIsReportedAtItsPlaceInTheOriginalText(string text, string inside)
    {
        var match = Assert.Single(ContactDetailsDetector.Default.Find(text));

        Assert.Equal(ContactDetailKind.ContactRequest, match.Kind);
        Assert.Equal(match.Value, text.Substring(match.Index, match.Length));
        Assert.Contains(inside, match.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ADetailInsideARequestIsReportedAsTheDetail()
    {
        var found = ContactDetailsDetector.Default.Find("Send me your email, mine is jane@example.com");

        Assert.Contains(found, m => m.Kind == ContactDetailKind.Email && m.Value == "jane@example.com");
        Assert.Contains(found, m => m.Kind == ContactDetailKind.ContactRequest);
    }
}
