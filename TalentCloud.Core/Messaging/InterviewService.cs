using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.ContactDetails;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Messaging;

/// <summary>
/// Interviews outside TalentCloud, proposed and answered inside a conversation: the organisation's side proposes a
/// time in an IANA time zone with an external meeting link; the freelancer or agency accepts or declines. Proposal
/// and answer are each posted as a message.
/// </summary>
public sealed class InterviewService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The organisation's side proposes an interview outside the platform: a local time in an IANA time zone and an
    /// external meeting link. Before a contract only a verified Enterprise organisation may do this (the link is a contact detail).
    /// </summary>
    public Task<Result<MessageView>> ProposeAsync(Actor actor, int conversationId, DateTime localStart, string? timeZoneId,
        string? meetingLink, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var (conversation, refusal) = await ConversationAccess.OnSideAsync(db, actor, conversationId,
                ConversationSide.Organization, MessagingErrors.OnlyOrganizationProposes, ct);
            if (conversation is null)
            {
                return Result<MessageView>.Failure(refusal!);
            }

            var facts = await ContactDetailsPolicy.LoadFactsAsync(db, conversation.OrganizationId, conversation.ProfileId, uow.Now, ct);
            if (ContactDetailsPolicy.SharingFor(facts) == ContactSharing.NotYet)
            {
                return Result<MessageView>.Failure(ContactDetailsPolicy.RefusalFor([ContactDetailKind.Url], facts));
            }

            var zoneId = UserText.Line(timeZoneId);
            if (zoneId.Length == 0 || zoneId.Length > InterviewProposal.TimeZoneIdMaxLength
                || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            {
                return Result<MessageView>.Failure(MessagingErrors.UnknownTimeZone(timeZoneId));
            }

            var link = UserText.Line(meetingLink);
            if (link.Length > InterviewProposal.MeetingLinkMaxLength
                || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                return Result<MessageView>.Failure(MessagingErrors.InvalidMeetingLink);
            }

            var wallClock = DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(wallClock))
            {
                return Result<MessageView>.Failure(MessagingErrors.InvalidLocalTime(zoneId));
            }

            var startsAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wallClock, zone), TimeSpan.Zero);
            if (startsAt <= uow.Now)
            {
                return Result<MessageView>.Failure(MessagingErrors.InterviewInPast);
            }

            if (startsAt > uow.Now.AddDays(365))
            {
                return Result<MessageView>.Failure(MessagingErrors.InterviewTooFar);
            }

            if (await MessageWriter.IsRateLimitedAsync(uow, actor, ct))
            {
                return Result<MessageView>.Failure(MessagingErrors.RateLimited);
            }

            var proposal = InterviewProposal.Propose(conversationId, actor.UserId!, startsAt, zoneId, link, uow.Now);
            db.Add(proposal);
            await uow.SaveAsync();
            var local = MessageViews.FormatLocal(wallClock);
            var body = $"Proposed an interview outside TalentCloud on {local} ({zoneId}): {link}";
            var message = await MessageWriter.AddAsync(uow, actor, conversation, ConversationSide.Organization, facts, body, proposal.Id, "interview.proposed",
                $"{local} {zoneId}", ct);
            return Result<MessageView>.Success(message);
        }, ct);
    }

    /// <summary>
    /// The profile's owner accepts or declines a proposed interview; the answer is posted as a message. The proposal is
    /// held while it is answered, so of two answers racing the second sees the first one's outcome.
    /// </summary>
    public Task<Result<MessageView>> RespondAsync(Actor actor, int conversationId, int interviewId, bool accept, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var (conversation, refusal) = await ConversationAccess.OnSideAsync(db, actor, conversationId,
                ConversationSide.Profile, MessagingErrors.OnlyProfileResponds, ct);
            if (conversation is null)
            {
                return Result<MessageView>.Failure(refusal!);
            }

            await uow.LockAsync<InterviewProposal>(interviewId);
            var proposal = await db.Set<InterviewProposal>().SingleOrDefaultAsync(i => i.Id == interviewId && i.ConversationId == conversationId, ct);
            if (proposal is null)
            {
                return Result<MessageView>.Failure(MessagingErrors.InterviewNotFound);
            }

            if (proposal.Status != InterviewStatus.Proposed)
            {
                return Result<MessageView>.Failure(MessagingErrors.AlreadyAnswered(proposal.Status));
            }

            proposal.Respond(accept, uow.Now);
            var facts = await ContactDetailsPolicy.LoadFactsAsync(db, conversation.OrganizationId, conversation.ProfileId, uow.Now, ct);
            var when = $"{MessageViews.FormatLocal(proposal.LocalStart().DateTime)} ({proposal.TimeZoneId})";
            var body = accept ? $"Accepted the interview on {when}." : $"Declined the interview on {when}.";
            var message = await MessageWriter.AddAsync(uow, actor, conversation, ConversationSide.Profile, facts, body, proposal.Id,
                accept ? "interview.accepted" : "interview.declined", when, ct);
            return Result<MessageView>.Success(message);
        }, ct);
    }
}
