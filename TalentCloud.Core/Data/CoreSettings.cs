using TalentCloud.Core.Common;

namespace TalentCloud.Core.Data;

/// <summary>
/// The configuration Core's rules need inside a unit of work: where e-mail links point and the per-user action limits.
/// Every <see cref="AppDbContext"/> carries it, so the static helpers that add rows to a unit of work
/// (<c>NotificationEvents</c>, <see cref="ActionLimiter"/>) read it from the context they are given.
/// </summary>
public sealed record CoreSettings(PublicAddress PublicAddress, ActionLimits ActionLimits)
{
    /// <summary>Local address and default limits: what a context built without configuration (tests, tools) uses.</summary>
    public static readonly CoreSettings Default = new(PublicAddress.Local, ActionLimits.Default);
}
