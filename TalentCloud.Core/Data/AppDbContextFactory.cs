using Microsoft.EntityFrameworkCore;

namespace TalentCloud.Core.Data;

/// <summary>Hands out one context per operation, each carrying the app's <see cref="CoreSettings"/>.</summary>
public sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, CoreSettings settings) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new(options, settings);
}
