using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Organizations;
using TalentCloud.Core.Profiles;

namespace TalentCloud.Core.Messaging;

internal sealed class ConversationEntityTypeConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasIndex(c => new { c.OrganizationId, c.ProfileId }).IsUnique().HasDatabaseName(Conversation.OnePerPairIndex);
        builder.HasIndex(c => new { c.ProfileId, c.LastActivityAt });
        builder.HasIndex(c => new { c.OrganizationId, c.LastActivityAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(c => c.ProfileId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.StartedByUserId);
    }
}

internal sealed class MessageEntityTypeConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Body).HasMaxLength(Message.BodyMaxLength);
        builder.HasIndex(m => new { m.ConversationId, m.Id });
        builder.HasIndex(m => new { m.SenderUserId, m.SentAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.SenderUserId);
        builder.HasOne<InterviewProposal>().WithMany().HasForeignKey(m => m.InterviewProposalId);
    }
}

internal sealed class ConversationReadMarkerEntityTypeConfiguration : IEntityTypeConfiguration<ConversationReadMarker>
{
    public void Configure(EntityTypeBuilder<ConversationReadMarker> builder)
    {
        builder.HasKey(r => new { r.ConversationId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId);
    }
}

internal sealed class InterviewProposalEntityTypeConfiguration : IEntityTypeConfiguration<InterviewProposal>
{
    public void Configure(EntityTypeBuilder<InterviewProposal> builder)
    {
        builder.Property(i => i.TimeZoneId).HasMaxLength(InterviewProposal.TimeZoneIdMaxLength);
        builder.Property(i => i.MeetingLink).HasMaxLength(InterviewProposal.MeetingLinkMaxLength);
        // Answering updates WHERE the status is still the one read, so two answers racing cannot both win.
        builder.Property(i => i.Status).IsConcurrencyToken();
        builder.HasIndex(i => i.ConversationId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(i => i.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.ProposedByUserId);
    }
}
