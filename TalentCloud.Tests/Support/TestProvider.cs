using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>
/// The database this test assembly runs on. The same Core and HTTP tests are compiled into two assemblies:
/// TalentCloud.Tests (SQLite) and TalentCloud.Tests.PostgreSql; each names its provider in one small file of its own.
/// </summary>
public static partial class TestProvider
{
    public static DatabaseProvider Current => Selected;
}
