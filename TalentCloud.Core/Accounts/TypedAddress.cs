namespace TalentCloud.Core.Accounts;

/// <summary>An e-mail address as someone typed it into an account form (sign in, reset, resend, register).</summary>
internal static class TypedAddress
{
    /// <summary>
    /// The address to look an account up by: trimmed; null when blank or when it holds a control character. No account's
    /// address has one (registration refuses them), so such an address is unknown without asking the database, which on
    /// PostgreSQL could not even take a NUL as a parameter.
    /// </summary>
    public static string? ForLookup(string? typed)
    {
        var address = typed?.Trim();
        return string.IsNullOrEmpty(address) || address.Any(char.IsControl) ? null : address;
    }
}
