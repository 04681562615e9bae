using TalentCloud.Core.Data;

namespace TalentCloud.Tests.Support;

/// <summary>This assembly runs the tests on SQLite (the PostgreSQL assembly has its own copy of this file).</summary>
public static partial class TestProvider
{
    private const DatabaseProvider Selected = DatabaseProvider.Sqlite;
}
