namespace TalentCloud.Core.Messaging;

/// <summary>Where a conversation was started from.</summary>
public enum ConversationOrigin
{
    Profile = 1,
    Proposal = 2,
    Offer = 3,
}

/// <summary>The side of a conversation a person writes for.</summary>
public enum ConversationSide
{
    /// <summary>The client organisation: its owner and hiring managers.</summary>
    Organization = 1,

    /// <summary>The freelancer, or the agency's owner.</summary>
    Profile = 2,
}

/// <summary>
/// A private conversation between a client organisation and a freelancer or agency profile. There is at most one per
/// pair; everyone who acts for the organisation shares its side, the profile's owner holds the other.
/// </summary>
public sealed class Conversation
{
    /// <summary>The unique (organisation, profile) index: at most one conversation per pair.</summary>
    public const string OnePerPairIndex = "IX_Conversations_OrganizationId_ProfileId";

    public int Id { get; private set; }
    public int OrganizationId { get; private set; }
    public int ProfileId { get; private set; }

    /// <summary>How it started, and the proposal's or offer's id when it started from one.</summary>
    public ConversationOrigin Origin { get; private set; }

    public int? OriginId { get; private set; }

    public string StartedByUserId { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the newest message was sent (the start time while it has none); orders the inbox.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    public static Conversation Start(int organizationId, int profileId, ConversationOrigin origin, int? originId, string startedByUserId,
        DateTimeOffset at) => new()
        {
            OrganizationId = organizationId,
            ProfileId = profileId,
            Origin = origin,
            OriginId = originId,
            StartedByUserId = startedByUserId,
            StartedAt = at,
            LastActivityAt = at,
        };

    public void Touch(DateTimeOffset at)
    {
        if (at > LastActivityAt)
        {
            LastActivityAt = at;
        }
    }
}
