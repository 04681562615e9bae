using Microsoft.AspNetCore.Components;
using MudBlazor;
using TalentCloud.Core.Common;

namespace TalentCloud.Web.Components.Shared.Actions;

/// <summary>
/// Runs a page action the same way everywhere: the action's button shows progress while it runs; success is announced
/// in a snackbar; a refusal from Core leaves its messages in <see cref="ActionState.Errors"/> to show beside the form;
/// an unexpected exception is logged and shown as a friendly message, so the circuit stays alive. The runner never
/// touches the page's fields: what the user typed stays there unless the page clears it after a success. When Core answers
/// "not found" (the thing is not, or no longer, the user's: say they were removed from the organisation a moment ago),
/// the page is replaced by the not-found page, as a fresh visit would answer.
/// </summary>
public sealed class PageActionRunner(ISnackbar snackbar, ILogger<PageActionRunner> logger, NavigationManager navigation)
{
    public const string UnexpectedError = "Something went wrong on our side and this was not done. What you entered is still here; please try again.";

    /// <summary>Runs <paramref name="action"/>; true when it succeeded.</summary>
    public async Task<bool> RunAsync(ActionState state, Func<Task<Result>> action, string? successMessage = null)
    {
        var result = await RunAsync(state, async () =>
        {
            var outcome = await action();
            return new Result<bool>(outcome.Succeeded, outcome.Succeeded, outcome.Errors) { IsNotFound = outcome.IsNotFound };
        }, _ => successMessage);
        return result.Succeeded;
    }

    /// <summary>Runs an action that answers a value (the id of what it created…); the success message may use it.</summary>
    public async Task<Result<T>> RunAsync<T>(ActionState state, Func<Task<Result<T>>> action, Func<T, string?>? successMessage = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        state.Start();
        Result<T> result;
        try
        {
            result = await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "A page action failed unexpectedly.");
            result = Result<T>.Failure(UnexpectedError);
        }

        state.Finish(result.Succeeded ? [] : result.Errors, result.IsNotFound);
        if (result.IsNotFound)
        {
            navigation.NotFound();
        }

        if (result.Succeeded && successMessage?.Invoke(result.Value!) is { Length: > 0 } message)
        {
            snackbar.Add(message, Severity.Success);
        }

        return result;
    }
}
