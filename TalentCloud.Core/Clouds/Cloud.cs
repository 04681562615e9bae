namespace TalentCloud.Core.Clouds;

/// <summary>A Talent Cloud: a private talent network owned by exactly one Enterprise organisation.</summary>
public sealed class Cloud
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
