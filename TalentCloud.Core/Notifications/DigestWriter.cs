using System.Data.Common;
using TalentCloud.Core.Common;

namespace TalentCloud.Core.Notifications;

/// <summary>Raised when a queued item was claimed by another sender meanwhile: the batch must roll back.</summary>
public sealed class DigestClaimConflictException(long itemId) : Exception($"Queued digest item {itemId} was already claimed.");

/// <summary>
/// The digest step's rows, written with prepared statements on an open connection and transaction (plain SQL that
/// SQLite and PostgreSQL both accept). Instants are stored as UTC ticks, as the model's converter does.
/// </summary>
internal sealed class DigestWriter(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private DbCommand? notificationInsert;
    private DbCommand? emailInsert;
    private DbCommand? digestInsert;
    private DbCommand? sectionInsert;
    private DbCommand? claim;

    public async Task<long> AddNotificationAsync(Notification n, CancellationToken ct)
    {
        notificationInsert ??= Prepare("""
            INSERT INTO "Notifications" ("UserId", "Kind", "Title", "Body", "Link", "CloudId", "CreatedAt", "ReadAt")
            VALUES (@user, @kind, @title, @body, @link, @cloud, @at, NULL) RETURNING "Id"
            """, "@user", "@kind", "@title", "@body", "@link", "@cloud", "@at");
        return await ScalarAsync(notificationInsert, ct, n.UserId, (int)n.Kind, n.Title, n.Body, n.Link, n.CloudId, n.CreatedAt.UtcTicks);
    }

    public async Task AddEmailAsync(string userId, string to, string subject, string html, DateTimeOffset at, CancellationToken ct)
    {
        emailInsert ??= Prepare("""
            INSERT INTO "OutboxEmails" ("ToAddress", "Subject", "HtmlBody", "CreatedAt", "SentAt", "Attempts", "RecipientUserId")
            VALUES (@to, @subject, @html, @at, NULL, 0, @user)
            """, "@to", "@subject", "@html", "@at", "@user");
        await ExecuteAsync(emailInsert, ct, to, Data.OutboxEmail.CleanSubject(subject), html, at.UtcTicks, userId);
    }

    public async Task<long> AddDigestAsync(string userId, DateTimeOffset slot, string slotLocal, DateTimeOffset at, long notificationId, CancellationToken ct)
    {
        digestInsert ??= Prepare("""
            INSERT INTO "NotificationDigests" ("UserId", "SlotUtc", "SlotLocal", "CreatedAt", "NotificationId")
            VALUES (@user, @slot, @local, @at, @notification) RETURNING "Id"
            """, "@user", "@slot", "@local", "@at", "@notification");
        return await ScalarAsync(digestInsert, ct, userId, slot.UtcTicks, slotLocal, at.UtcTicks, notificationId);
    }

    public async Task AddSectionAsync(long digestId, long notificationId, int cloudId, int jobCount, CancellationToken ct)
    {
        sectionInsert ??= Prepare("""
            INSERT INTO "NotificationDigestSections" ("DigestId", "NotificationId", "CloudId", "JobCount")
            VALUES (@digest, @notification, @cloud, @jobs)
            """, "@digest", "@notification", "@cloud", "@jobs");
        await ExecuteAsync(sectionInsert, ct, digestId, notificationId, cloudId, jobCount);
    }

    /// <summary>Takes a queued item for a digest (or drops it with a null digest); throws if someone else took it first.</summary>
    public async Task ClaimAsync(long itemId, long? digestId, DateTimeOffset at, CancellationToken ct)
    {
        claim ??= Prepare("""
            UPDATE "PendingDigestItems" SET "ClaimedAt" = @at, "DigestId" = @digest WHERE "Id" = @id AND "ClaimedAt" IS NULL
            """, "@at", "@digest", "@id");
        if (await ExecuteAsync(claim, ct, at.UtcTicks, digestId, itemId) != 1)
        {
            throw new DigestClaimConflictException(itemId);
        }
    }

    private DbCommand Prepare(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task<long> ScalarAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        Bind(command, values);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { notificationInsert, emailInsert, digestInsert, sectionInsert, claim })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }
}
