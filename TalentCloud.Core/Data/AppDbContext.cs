using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Audit;
using TalentCloud.Core.Clouds;
using TalentCloud.Core.Connects;
using TalentCloud.Core.Contracts;
using TalentCloud.Core.Jobs;
using TalentCloud.Core.Live;
using TalentCloud.Core.Invitations;
using TalentCloud.Core.Memberships;
using TalentCloud.Core.Messaging;
using TalentCloud.Core.Notifications;
using TalentCloud.Core.Offers;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;
using TalentCloud.Core.Proposals;
using TalentCloud.Core.Help;
using TalentCloud.Core.Removals;

namespace TalentCloud.Core.Data;

/// <summary>
/// The model, shared by both database providers. Its own migrations (<c>Data/Migrations</c>) are SQLite's;
/// <see cref="PostgreSqlAppDbContext"/> is the same model with PostgreSQL's migration set and column types.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider-specific subclass; <paramref name="options"/> are built for <see cref="AppDbContext"/>.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Which database this context talks to (decides SQL dialect, locking and the live-update path).</summary>
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>What this context's changes owe open pages once they commit (see <see cref="LiveUpdateInterceptor"/>).</summary>
    internal LiveUpdateBuffer PendingLiveUpdates { get; } = new();

    /// <summary>
    /// Announces notification items written without entities (bulk SQL) so open pages of these users hear about them
    /// when this context's transaction commits, like items added as entities.
    /// </summary>
    public void AnnounceNotifications(IEnumerable<string> userIds) => PendingLiveUpdates.Announce(userIds);

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<ProfileSkill> ProfileSkills => Set<ProfileSkill>();
    public DbSet<Cloud> Clouds => Set<Cloud>();
    public DbSet<CloudMembership> CloudMemberships => Set<CloudMembership>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<CloudNotificationSetting> CloudNotificationSettings => Set<CloudNotificationSetting>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobSkill> JobSkills => Set<JobSkill>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ConnectsEntry> ConnectsEntries => Set<ConnectsEntry>();
    public DbSet<RemovalRequest> RemovalRequests => Set<RemovalRequest>();
    public DbSet<HelpVote> HelpVotes => Set<HelpVote>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ConversationReadMarker> ConversationReadMarkers => Set<ConversationReadMarker>();
    public DbSet<InterviewProposal> InterviewProposals => Set<InterviewProposal>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<OnboardingTask> OnboardingTasks => Set<OnboardingTask>();
    public DbSet<PendingDigestItem> PendingDigestItems => Set<PendingDigestItem>();
    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();
    public DbSet<NotificationDigestSection> NotificationDigestSections => Set<NotificationDigestSection>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so ranges and sorting stay in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
