using TalentCloud.Core.Data;

namespace TalentCloud.Core.Common;

/// <summary>The outcome of a use case a user can get wrong: success, or messages saying what to fix.</summary>
public sealed record Result(bool Succeeded, IReadOnlyList<string> Errors) : IOutcome
{
    public static readonly Result Success = new(true, []);

    /// <summary>
    /// True when the failure means "this does not exist for you" (unknown, someone else's, or access just lost): pages answer
    /// with their not-found page instead of a message.
    /// </summary>
    public bool IsNotFound { get; init; }

    public static Result Failure(params string[] errors) => new(false, errors);

    public static Result NotFound(string message) => new(false, [message]) { IsNotFound = true };
}

/// <summary>A result that carries a value on success.</summary>
public sealed record Result<T>(bool Succeeded, T? Value, IReadOnlyList<string> Errors) : IOutcome
{
    /// <inheritdoc cref="Result.IsNotFound"/>
    public bool IsNotFound { get; init; }

    public static Result<T> Success(T value) => new(true, value, []);

    public static Result<T> Failure(params string[] errors) => new(false, default, errors);

    public static Result<T> NotFound(string message) => new(false, default, [message]) { IsNotFound = true };
}
