namespace TalentCloud.Core.Contracts;

/// <summary>
/// Work agreed between a client organisation and a freelancer or agency. Its existence changes what the pair may
/// share in messages, and an Enterprise offer's contract places the member in a cloud.
/// </summary>
public sealed class Contract
{
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public int ProfileId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The offer that started it, when it came from an offer.</summary>
    public int? OfferId { get; set; }

    /// <summary>The user on the organisation's side who made the agreement.</summary>
    public string StartedByUserId { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }
}
