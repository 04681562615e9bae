using TalentCloud.Core.Data;

namespace TalentCloud.Core.Common;

/// <summary>The outcome of a use case a user can get wrong: success, or messages saying what to fix.</summary>
public sealed record Result(bool Succeeded, IReadOnlyList<string> Errors) : IOutcome
{
    public static readonly Result Success = new(true, []);

    public static Result Failure(params string[] errors) => new(false, errors);
}

/// <summary>A result that carries a value on success.</summary>
public sealed record Result<T>(bool Succeeded, T? Value, IReadOnlyList<string> Errors) : IOutcome
{
    public static Result<T> Success(T value) => new(true, value, []);

    public static Result<T> Failure(params string[] errors) => new(false, default, errors);
}
