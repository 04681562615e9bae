using Microsoft.EntityFrameworkCore;

namespace TalentCloud.Core.Data;

/// <summary>
/// Hands out one context per operation: the context class of the configured provider (both share one model and one
/// options type), each carrying the app's <see cref="CoreSettings"/>.
/// </summary>
public sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, DatabaseSettings database, CoreSettings settings)
    : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => database.CreateContext(options, settings);
}
