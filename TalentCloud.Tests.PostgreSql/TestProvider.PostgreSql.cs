using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>This assembly runs the shared Core and HTTP tests on PostgreSQL.</summary>
public static partial class TestProvider
{
    private const DatabaseProvider Selected = DatabaseProvider.PostgreSql;
}
