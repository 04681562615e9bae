using Microsoft.EntityFrameworkCore;
using TalentCloud.Core.Accounts;
using TalentCloud.Core.Common;
using TalentCloud.Core.ContactRules;
using TalentCloud.Core.Data;

namespace TalentCloud.Core.Messaging;

/// <summary>
/// Writing messages in a conversation. Every message passes <see cref="ContactDetailsPolicy"/>; each notifies the
/// other side and is audited in the same unit of work, and open pages of both sides hear about it after the commit.
/// </summary>
public sealed class MessageService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Sends a message. Refused (nothing stored) when the conversation is not the actor's, the text is empty or too long,
    /// the actor writes too fast, or it has contact details the pair may not share yet (the rule is explained).
    /// </summary>
    public Task<Result<MessageView>> SendAsync(Actor actor, int conversationId, string? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = UserText.Block(body);
        return UnitOfWork.RunAsync(dbFactory, clock, async uow =>
        {
            var db = uow.Db;
            var access = await ConversationAccess.FindAsync(db, actor, conversationId, ct);
            if (access is null)
            {
                return Result<MessageView>.Failure(MessagingErrors.NotFound);
            }

            if (text.Length == 0)
            {
                return Result<MessageView>.Failure(MessagingErrors.EmptyMessage);
            }

            if (text.Length > Message.BodyMaxLength)
            {
                return Result<MessageView>.Failure(MessagingErrors.TooLong(text.Length));
            }

            var (conversation, side) = access.Value;
            var facts = await ContactDetailsPolicy.LoadFactsAsync(db, conversation.OrganizationId, conversation.ProfileId, uow.Now, ct);
            var decision = ContactDetailsPolicy.Decide(text, facts);
            if (!decision.Allowed)
            {
                return Result<MessageView>.Failure(decision.Refusal!);
            }

            if (await MessageWriter.IsRateLimitedAsync(uow, actor, ct))
            {
                return Result<MessageView>.Failure(MessagingErrors.RateLimited);
            }

            var outcome = decision.ContainsContactDetails
                ? $"delivered with {ContactDetailsPolicy.Describe(decision.Found)} ({(decision.Sharing == ContactSharing.ContractStarted ? "contract started" : "Enterprise exception")})"
                : "delivered";
            var message = await MessageWriter.AddAsync(uow, actor, conversation, side, facts, text, null, "message.sent", outcome, ct);
            return Result<MessageView>.Success(message);
        }, ct);
    }
}
