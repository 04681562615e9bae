using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentCloud.Core.Accounts;

namespace TalentCloud.Core.Help;

/// <summary>What a support request is about; the queue can be filtered by it.</summary>
public enum SupportCategory
{
    Account = 1,
    TalentClouds = 2,
    JobsAndProposals = 3,
    OffersAndContracts = 4,
    Connects = 5,
    ContactRulesAndSafety = 6,
    Other = 7,
}

public enum SupportStatus
{
    /// <summary>Sent, not answered yet.</summary>
    AwaitingReply = 1,

    /// <summary>Support replied; the request stays open until support closes it.</summary>
    Answered = 2,

    Closed = 3,
}

/// <summary>A signed-in user's question to platform support, with support's replies.</summary>
public sealed class SupportRequest
{
    public const int TextMinLength = 10;
    public const int TextMaxLength = 4000;
    public const int ReplyMaxLength = 4000;

    /// <summary>How many requests one person may send in <see cref="RateWindow"/>.</summary>
    public const int MaxPerWindow = 5;

    public static readonly TimeSpan RateWindow = TimeSpan.FromHours(24);

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public SupportCategory Category { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The help article the request was sent from, if any.</summary>
    public string? ArticleSlug { get; private set; }

    public SupportStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastReplyAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedByUserId { get; private set; }

    public List<SupportReply> Replies { get; private set; } = [];

    public static SupportRequest Open(string userId, SupportCategory category, string text, string? articleSlug, DateTimeOffset at) => new()
    {
        UserId = userId,
        Category = category,
        Text = text,
        ArticleSlug = articleSlug,
        Status = SupportStatus.AwaitingReply,
        CreatedAt = at,
    };

    public bool IsClosed => Status == SupportStatus.Closed;

    /// <summary>Support answers: the request becomes Answered (it stays open until closed). Not after it was closed.</summary>
    public SupportReply Reply(string authorUserId, string text, DateTimeOffset at)
    {
        EnsureOpen();
        Status = SupportStatus.Answered;
        LastReplyAt = at;
        return SupportReply.Write(Id, authorUserId, text, at);
    }

    /// <summary>Support closes the settled request; a closed request stays closed.</summary>
    public void Close(string byUserId, DateTimeOffset at)
    {
        EnsureOpen();
        Status = SupportStatus.Closed;
        ClosedAt = at;
        ClosedByUserId = byUserId;
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("A closed support request does not change.");
        }
    }
}

/// <summary>One answer from support to a request.</summary>
public sealed class SupportReply
{
    public int Id { get; private set; }
    public int SupportRequestId { get; private set; }
    public string AuthorUserId { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static SupportReply Write(int requestId, string authorUserId, string text, DateTimeOffset at) =>
        new() { SupportRequestId = requestId, AuthorUserId = authorUserId, Text = text, At = at };
}

internal sealed class SupportRequestEntityTypeConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(SupportRequest.TextMaxLength);
        builder.Property(r => r.ArticleSlug).HasMaxLength(HelpArticle.SlugMaxLength);
        builder.Ignore(r => r.IsClosed);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ClosedByUserId);
        builder.HasMany(r => r.Replies).WithOne().HasForeignKey(x => x.SupportRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportReplyEntityTypeConfiguration : IEntityTypeConfiguration<SupportReply>
{
    public void Configure(EntityTypeBuilder<SupportReply> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(SupportRequest.ReplyMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.AuthorUserId);
    }
}
