namespace TalentCloud.Core.ContactDetails;

/// <summary>
/// The kind of contact detail found by <see cref="ContactDetailsDetector"/>.
/// </summary>
public enum ContactDetailKind
{
    /// <summary>An e-mail address written normally, e.g. <c>jane.doe@example.com</c>.</summary>
    Email,

    /// <summary>A phone number in an international or local format, e.g. <c>+44 20 7946 0958</c>.</summary>
    Phone,

    /// <summary>A link or web address: <c>https://…</c>, <c>www.…</c> or a bare domain such as <c>acme.io</c>.</summary>
    Url,

    /// <summary>A messenger or social handle, or an invitation to continue on a messenger (e.g. "add me on Skype").</summary>
    MessengerHandle,

    /// <summary>An e-mail address disguised with words or brackets, e.g. <c>jane at example dot com</c>.</summary>
    ObfuscatedEmail,

    /// <summary>A phone number disguised with spelled-out or spaced-out digits, e.g. <c>five five five 0100 …</c>.</summary>
    ObfuscatedPhone,

    /// <summary>
    /// A request to exchange contact details or to move off the platform, without the detail itself, e.g.
    /// "what's your WhatsApp?", "let me give you my number", "let's take this offline".
    /// </summary>
    ContactRequest,
}
