namespace TalentCloud.Core.Notifications;

/// <summary>The mistakes a user can make with notifications, as the messages they read.</summary>
public static class NotificationErrors
{
    public const string CloudNotFound = "That Talent Cloud was not found among your memberships.";
    public const string NotificationNotFound = "That notification was not found.";
    public const string UnknownFrequency = "Choose Instant, Twice a day, Daily or Never.";
    public const string UnknownTimeZone = "Choose a time zone from the list (for example Europe/Berlin or America/Toronto).";
    public const string SignInRequired = "Sign in to manage notifications.";
}
