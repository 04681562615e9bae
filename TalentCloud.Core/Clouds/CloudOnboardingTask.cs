using TalentCloud.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Offers;

namespace TalentCloud.Core.Clouds;

/// <summary>
/// One of a cloud's standard onboarding tasks. An offer hiring from a proposal into the cloud comes with a copy of them,
/// so everyone who joins the cloud by contract completes the same agreement, check or acknowledgement.
/// </summary>
public sealed class CloudOnboardingTask
{
    public int Id { get; private set; }
    public int CloudId { get; private set; }
    public int Position { get; private set; }
    public OnboardingTaskKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    /// <summary>A task from input that <see cref="OfferService"/>'s task rules have already accepted.</summary>
    public static CloudOnboardingTask From(int cloudId, int position, OnboardingTaskInput input) => new()
    {
        CloudId = cloudId,
        Position = position,
        Kind = input.Kind,
        Title = UserText.Line(input.Title),
        Text = UserText.Block(input.Text),
    };

    public OnboardingTaskInput ToInput() => new(Kind, Title, Text);
}

internal sealed class CloudOnboardingTaskEntityTypeConfiguration : IEntityTypeConfiguration<CloudOnboardingTask>
{
    public void Configure(EntityTypeBuilder<CloudOnboardingTask> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(OnboardingTask.TitleMaxLength);
        builder.Property(t => t.Text).HasMaxLength(OnboardingTask.TextMaxLength);
        builder.HasIndex(t => new { t.CloudId, t.Position });
        builder.HasOne<Cloud>().WithMany().HasForeignKey(t => t.CloudId).OnDelete(DeleteBehavior.Cascade);
    }
}
