namespace TalentCloud.Core.ContactDetails;

/// <summary>
/// One contact detail found in a text.
/// </summary>
/// <param name="Kind">What kind of contact detail was found.</param>
/// <param name="Index">Zero-based position of the first character of the match in the scanned text.</param>
/// <param name="Length">Number of characters of the match; <c>text.Substring(Index, Length) == Value</c>.</param>
/// <param name="Value">The matched text exactly as it appears in the scanned text.</param>
public sealed record ContactDetailMatch(ContactDetailKind Kind, int Index, int Length, string Value);
