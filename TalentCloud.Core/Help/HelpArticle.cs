using TalentCloud.Core.ContactRules;

namespace TalentCloud.Core.Help;

/// <summary>Who an article is written for. Flags: an article may serve several kinds of user.</summary>
[Flags]
public enum HelpAudience
{
    Freelancer = 1,
    Agency = 2,
    Client = 4,
    Everyone = Freelancer | Agency | Client,
}

/// <summary>A next step an article offers, such as the page where the thing it explains is done.</summary>
public sealed record HelpLink(string Text, string Url);

/// <summary>A help-centre article. The texts are part of the product and live in <see cref="HelpArticles"/>.</summary>
public sealed record HelpArticle(string Slug, string Title, string Summary, IReadOnlyList<string> Paragraphs,
    HelpAudience Audience = HelpAudience.Everyone, HelpLink? Action = null)
{
    public const int SlugMaxLength = 60;

    public string Url => "/help/" + Slug;

    public bool IsFor(HelpAudience audience) => (Audience & audience) != 0;

    /// <summary>"For freelancers and agencies", "For everyone".</summary>
    public string AudienceText => HelpAudiences.Describe(Audience);
}

/// <summary>Names of audiences, for filters and labels.</summary>
public static class HelpAudiences
{
    /// <summary>The choices a reader filters by, in order.</summary>
    public static readonly IReadOnlyList<HelpAudience> Choices = [HelpAudience.Everyone, HelpAudience.Freelancer, HelpAudience.Agency, HelpAudience.Client];

    /// <summary>The filter's label for one choice.</summary>
    public static string Label(HelpAudience audience) => audience switch
    {
        HelpAudience.Freelancer => "Freelancers",
        HelpAudience.Agency => "Agencies",
        HelpAudience.Client => "Clients",
        _ => "All articles",
    };

    public static string Describe(HelpAudience audience)
    {
        if (audience == HelpAudience.Everyone)
        {
            return "For everyone";
        }

        var names = new List<string>();
        if (audience.HasFlag(HelpAudience.Freelancer))
        {
            names.Add("freelancers");
        }

        if (audience.HasFlag(HelpAudience.Agency))
        {
            names.Add("agencies");
        }

        if (audience.HasFlag(HelpAudience.Client))
        {
            names.Add("clients");
        }

        return "For " + string.Join(" and ", names);
    }
}

/// <summary>One signed-in user's answer to "Was this article helpful?". One row per user and article; changeable.</summary>
public sealed class HelpVote
{
    /// <summary>The unique (article, user) index: one vote per reader and article.</summary>
    public const string OnePerUserIndex = "IX_HelpVotes_ArticleSlug_UserId";

    public int Id { get; private set; }
    public string ArticleSlug { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public bool Helpful { get; private set; }
    public DateTimeOffset VotedAt { get; private set; }

    public static HelpVote Cast(string slug, string userId, bool helpful, DateTimeOffset at) =>
        new() { ArticleSlug = slug, UserId = userId, Helpful = helpful, VotedAt = at };

    public void Change(bool helpful, DateTimeOffset at)
    {
        Helpful = helpful;
        VotedAt = at;
    }
}

/// <summary>The articles, written for this product.</summary>
public static class HelpArticles
{
    public const string WhatIsATalentCloud = "what-is-a-talent-cloud";
    public const string WaysToJoin = "two-ways-to-join";
    public const string WhoSeesMembership = "who-sees-a-membership";
    public const string NotificationFrequencies = "notification-frequencies";
    public const string Leaving = "leaving-a-talent-cloud";
    public const string EnterpriseCommunication = "enterprise-communication-rules";
    public const string BusinessEntityTypes = "business-entity-types";
    public const string HiringFromAProposal = "hiring-from-a-proposal";
    public const string CloudFirstJobs = "cloud-first-jobs";
    public const string ConnectsAndProposals = "connects-and-proposals";
    public const string ContactingSupport = "contacting-support";

    public static readonly IReadOnlyList<HelpArticle> All =
    [
        new(WhatIsATalentCloud, "What is a Talent Cloud?",
            "A private group of freelancers and agencies that one Enterprise client keeps for its own work.",
            [
                "A Talent Cloud is a private pool of people an Enterprise client likes to work with again. Each cloud belongs to exactly one client with an Enterprise subscription, has its own name and description, and sets its own rules for who may join.",
                "Being an active member brings three things: the cloud's jobs, which nobody outside the cloud can see; proposals to those jobs that cost no Connects; and a place at the top when that client's hiring managers search for talent.",
                "You can belong to several clouds at once. Each membership is joined, notified and left on its own.",
            ]),
        new(WaysToJoin, "The two ways to join a Talent Cloud",
            "An invitation from a hiring manager, or an accepted offer that names the cloud.",
            [
                "Invitation: a hiring manager invites you, sometimes with a short note. When you accept, the cloud's approval criteria are checked (skills, country, engagement type, proof that you work independently, or a manual review). If you meet them all and no manual review is needed you are in at once; otherwise your membership waits for a hiring manager's decision, and you can see which criteria were not met.",
                "Offer: a hiring manager sends you an offer for a piece of work with onboarding tasks, such as reading an agreement or consenting to a background check. Once every task is done you can accept; the contract starts and you are placed in the offer's cloud straight away, without the approval criteria.",
                "Invitations expire after 30 days. You cannot ask to join a cloud yourself: the client decides who is invited.",
                "A hire from one of your proposals to an Enterprise client's job is an offer too: it names the job's cloud (or one the client picks) and comes with that cloud's onboarding tasks. My Talent Clouds then shows which proposal you were hired from.",
            ], HelpAudience.Everyone, new HelpLink("See your memberships, invitations and offers", "/my/talent-clouds")),
        new(WhoSeesMembership, "Who sees that you belong to a Talent Cloud",
            "You and the owning client see the cloud's name; other talent sees only a label; other clients see nothing.",
            [
                "Your memberships appear in the Talent Clouds panel at the bottom right of your profile, but not everyone sees the same thing.",
                "You see the full name of every cloud you belong to. The hiring managers of the client that owns a cloud see that cloud's name. Other freelancers and agencies see only the words \"Talent Cloud\", never a name or a count. Other clients, with or without Enterprise, and visitors who are not signed in see no trace of it at all.",
                "Platform support staff see full names so they can help you. The same rule applies everywhere you appear: search results, proposals, messages, notifications and your data export.",
            ]),
        new(NotificationFrequencies, "Choosing how often a cloud notifies you",
            "Instant, twice a day, daily or never, set separately for every cloud.",
            [
                "Each cloud you belong to has its own setting under Settings › Notification settings › Groups & Invitations.",
                "Instant tells you about each new cloud job as it is posted. Twice a day and Daily collect the jobs into one summary. Never keeps you in the cloud but stops its job notifications; you can still find its jobs under My Talent Clouds.",
                "Personal events, such as an invitation, an offer or a decision about your membership, always reach you straight away.",
            ], HelpAudience.Freelancer | HelpAudience.Agency, new HelpLink("Open your notification settings", "/settings/notifications")),
        new(Leaving, "Leaving a Talent Cloud",
            "Ask for removal from My Talent Clouds; a support administrator completes it. It cannot be undone.",
            [
                "If a cloud only sends you too many e-mails, consider setting its notifications to Never instead: you keep the membership and its benefits.",
                "To leave for good, choose \"Request removal\" next to the membership, optionally with a reason, and confirm. The membership shows \"Removal requested\" until support handles it, and you can cancel the request while it is waiting.",
                "When an administrator approves it, the removal is complete: the membership, its notification settings and any pending invitations to that cloud are deleted, the cloud disappears from your profile, and its jobs and notifications stop. If the request is rejected you stay a member and are told why. Coming back later needs a new invitation or offer.",
                "You can download everything we keep about you at any time with \"Download my data\".",
            ], HelpAudience.Freelancer | HelpAudience.Agency, new HelpLink("Go to your Talent Clouds to request removal or turn notifications off", "/my/talent-clouds/leave")),
        new(EnterpriseCommunication, "Sharing contact details: the Enterprise rules",
            "Enterprise clients may swap contact details with talent in private messages; nobody may post or ask for them publicly.",
            [
                "Normally nobody may share or ask for contact details (e-mail addresses, phone numbers, outside links, messenger names, or disguised versions of them) before a contract between the two sides has started. That covers private messages and proposal cover letters alike, and asking (\"what's your WhatsApp?\", \"can I call you?\", \"let's take this offline\") as much as sharing. Such a text is refused with an explanation, and your draft is kept.",
                "Why: most scams and payment fraud on freelance marketplaces start by moving a conversation somewhere nobody can see it, and work arranged off the platform loses the protection that comes with it. " + ContactDetailsPolicy.Reason,
                "People from an Enterprise client and the freelancers and agencies they talk to are that exception: they may exchange contact details and set up interviews outside the platform before a contract, but only in private messages and only while the client's Enterprise subscription is active.",
                "Contact details never belong on public pages, Enterprise or not: job posts, company pages, profiles, the names chosen at registration and skills. Once a contract has started, the two parties may share contact details in their messages.",
            ]),
        new(BusinessEntityTypes, "Types of business entity",
            "Sole proprietorship, partnership, limited company, corporation or cooperative: what each means for proving you work independently.",
            [
                "Some Talent Clouds ask members to show that they work as independent contractors. A registered business is one way to show it; a licence or registration number, or work with enough different clients, are the others. Your profile settings record which one you have.",
                "Sole proprietorship: you trade in your own name or a trading name, without a separate legal entity. It is the simplest form and common for individual freelancers; you are personally responsible for the business's debts.",
                "Partnership: two or more people run a business together and share its profits and responsibilities. Many agencies start as partnerships.",
                "Limited company (for example an LLC, a Ltd or a GmbH): a separate legal entity owned by its members or shareholders, whose liability is limited to what they put in. Freelancers and agencies choose it to keep business and personal assets apart.",
                "Corporation: a larger separate legal entity owned by shareholders, with directors and formal reporting. Few freelancers use it; established agencies sometimes do.",
                "Cooperative: a business owned and run by its members, who share its decisions and profits. Some freelancer collectives work this way.",
                "Which forms exist, and what they are called, depends on your country. Choose the one closest to your registration and give the business's registered name; a cloud's hiring managers may ask for proof.",
            ], HelpAudience.Freelancer | HelpAudience.Agency, new HelpLink("Set your business entity in your profile settings", "/settings/profile")),
        new(HiringFromAProposal, "Hiring from a proposal",
            "Enterprise clients hire through an offer that places the hire in a Talent Cloud; other clients start a contract at once.",
            [
                "On a job's proposals, Hire works in one of two ways. An ordinary client's Hire starts the contract straight away: no offer and no Talent Cloud.",
                "For an Enterprise client, Hire prepares an offer from the proposal: the job's title, the rate or bid the freelancer proposed and the job's kind of pay, ready to adjust. A Talent Cloud job's offer names the job's cloud; for a public job you pick one of your clouds, or no cloud. The cloud's standard onboarding tasks (agreements, a background check, documents) come with the offer.",
                "While the offer waits for an answer the proposal shows \"Offer sent\", and it cannot be hired from twice. When the freelancer has completed the tasks and accepts, the contract starts, the proposal is marked hired and the freelancer or agency is placed Active in the cloud, whatever the cloud's approval criteria. If they decline, or you withdraw the offer, the proposal is open to hire again.",
            ], HelpAudience.Client),
        new(CloudFirstJobs, "Jobs posted to a Talent Cloud first",
            "A cloud job can stay in the cloud, or open to everyone after 1 to 30 days.",
            [
                "When an Enterprise client posts a job to one of its Talent Clouds, it chooses \"Only my Talent Cloud\" or \"My Talent Cloud first, then public after\" a number of days from 1 to 30. Until then the job exists only for the cloud's active members; nobody else can find it.",
                "Once it opens, the job is listed and searchable in the public job list like any other. The cloud's members still apply for 0 Connects and see \"Posted to your Talent Cloud first\"; everyone else pays the usual Connects for the job's budget and sees no mention of the cloud.",
                "The poster can open a cloud job to everyone earlier, but never the other way round: once a job is open to everyone it stays so.",
            ], HelpAudience.Everyone),
        new(ConnectsAndProposals, "Connects and proposals",
            "What a proposal costs, when it is free, and when Connects come back.",
            [
                "Every new freelancer and agency starts with 10 Connects. A proposal to a public job costs 2, 4 or 6 Connects depending on the job's budget; a proposal to a job of a Talent Cloud you are an active member of costs nothing, also after such a job has opened to everyone.",
                "If you do not have enough Connects the proposal is not sent and nothing is charged. Withdrawing a proposal gives nothing back; if the client closes the job without hiring anyone, every proposal that was not withdrawn gets its Connects back.",
                "A cover letter follows the contact rules: before a contract, contact details and requests for them are allowed only in letters to Enterprise clients.",
            ], HelpAudience.Freelancer | HelpAudience.Agency, new HelpLink("See your Connects", "/my/connects")),
        new(ContactingSupport, "Contacting support",
            "Send a request from any article; the answer arrives in your notifications.",
            [
                "If an article does not answer your question, choose \"Contact support\" at its end. Pick the topic that fits best and describe what happened; say which page, job or cloud it concerns, but leave out passwords.",
                "Support staff answer requests oldest first. Their reply appears under My support requests and in your notification centre, and by e-mail; once the matter is settled they close the request.",
                "To keep the queue fair, each person can send a limited number of requests a day.",
            ], HelpAudience.Everyone, new HelpLink("See your support requests", "/support")),
    ];

    public static HelpArticle? Find(string? slug) => All.FirstOrDefault(a => string.Equals(a.Slug, slug, StringComparison.Ordinal));
}
