using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TalentCloud.Core.Data;

/// <summary>
/// A compiled query (from <see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>)
/// for hot paths. EF binds a compiled query to the model it first ran against; an app has one model, but a process may
/// hold several (SQLite and PostgreSQL, or the tests' databases), so each model gets its own compilation.
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return compiled.GetValue(db.Model, _ => compile());
    }
}
