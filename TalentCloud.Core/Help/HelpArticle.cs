namespace TalentCloud.Core.Help;

/// <summary>A help-centre article. The texts are part of the product and live in <see cref="HelpArticles"/>.</summary>
public sealed record HelpArticle(string Slug, string Title, string Summary, IReadOnlyList<string> Paragraphs)
{
    public const int SlugMaxLength = 60;

    public string Url => "/help/" + Slug;
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
            ]),
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
            ]),
        new(Leaving, "Leaving a Talent Cloud",
            "Ask for removal from My Talent Clouds; a support administrator completes it. It cannot be undone.",
            [
                "If a cloud only sends you too many e-mails, consider setting its notifications to Never instead: you keep the membership and its benefits.",
                "To leave for good, choose \"Request removal\" next to the membership, optionally with a reason, and confirm. The membership shows \"Removal requested\" until support handles it, and you can cancel the request while it is waiting.",
                "When an administrator approves it, the removal is complete: the membership, its notification settings and any pending invitations to that cloud are deleted, the cloud disappears from your profile, and its jobs and notifications stop. If the request is rejected you stay a member and are told why. Coming back later needs a new invitation or offer.",
                "You can download everything we keep about you at any time with \"Download my data\".",
            ]),
        new(EnterpriseCommunication, "Sharing contact details: the Enterprise rules",
            "Enterprise clients may swap contact details with talent in private messages; nobody may post them publicly.",
            [
                "Normally nobody may share or ask for contact details (e-mail addresses, phone numbers, outside links, messenger names, or disguised versions of them) before a contract between the two sides has started. Such a message is refused with an explanation, and your draft is kept.",
                "People from an Enterprise client and the freelancers and agencies they talk to are the exception: they may exchange contact details and set up interviews outside the platform before a contract, but only in private messages.",
                "Contact details never belong on public pages, Enterprise or not: job posts, company pages and profiles. Once a contract has started, the two parties may share contact details in their messages.",
            ]),
    ];

    public static HelpArticle? Find(string? slug) => All.FirstOrDefault(a => string.Equals(a.Slug, slug, StringComparison.Ordinal));
}
