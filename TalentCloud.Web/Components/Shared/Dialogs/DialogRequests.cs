using MudBlazor;
using TalentCloud.Core.Common;

namespace TalentCloud.Web.Components.Shared.Dialogs;

/// <summary>What a confirmation dialog asks and does: a title and a sentence naming what will happen, and the action.</summary>
public sealed record ConfirmRequest(string Title, string Message, string ConfirmText, Func<Task<Result>> Action)
{
    public string CancelText { get; init; } = "Cancel";

    /// <summary>Shown as a snackbar when the action succeeds.</summary>
    public string? SuccessMessage { get; init; }

    /// <summary>Colours the confirm button as a destructive action (removal, withdrawal…).</summary>
    public bool Destructive { get; init; }
}

/// <summary>What a reason dialog asks and does with the text the user types.</summary>
public sealed record ReasonRequest(string Title, string Message, string Label, string ConfirmText, Func<string, Task<Result>> Action)
{
    public string CancelText { get; init; } = "Cancel";

    public int MaxLength { get; init; } = 1000;

    public string? SuccessMessage { get; init; }

    public bool Destructive { get; init; }
}

/// <summary>Opening the two dialogs; each answers whether the action ran and succeeded (false: cancelled, nothing changed).</summary>
public static class DialogServiceExtensions
{
    /// <summary>The options every dialog of the app opens with: Escape and a click outside cancel.</summary>
    public static DialogOptions Options { get; } = new()
    {
        CloseOnEscapeKey = true,
        BackdropClick = true,
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseButton = false,
    };

    public static Task<bool> ConfirmAsync(this IDialogService dialogs, ConfirmRequest request) =>
        ShowAsync<ConfirmDialog>(dialogs, request?.Title, new DialogParameters<ConfirmDialog> { { d => d.Request, request! } });

    public static Task<bool> AskReasonAsync(this IDialogService dialogs, ReasonRequest request) =>
        ShowAsync<ReasonDialog>(dialogs, request?.Title, new DialogParameters<ReasonDialog> { { d => d.Request, request! } });

    private static async Task<bool> ShowAsync<TDialog>(IDialogService dialogs, string? title, DialogParameters parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(title);
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        return await dialog.Result is { Canceled: false };
    }
}
