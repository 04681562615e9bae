using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
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

/// <summary>
/// Opening the app's dialogs. Each opening names its opener, the component whose button asked for it: while the opener's
/// dialog is opening or open, another request from it is ignored. Without that, a double click, or a second click
/// before a slow connection has shown the first dialog, put a second dialog on top of the first (each click handled on
/// its own), and Escape closed only the top one.
/// </summary>
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

    /// <summary>The openers whose dialog is opening or open; an opener leaves when its dialog closes (or with its page).</summary>
    private static readonly ConditionalWeakTable<object, object> Open = [];

    /// <summary>Whether the action ran and succeeded (false: cancelled or ignored, nothing changed).</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, object opener, ConfirmRequest request) =>
        await dialogs.OpenAsync<ConfirmDialog>(opener, request?.Title, new DialogParameters<ConfirmDialog> { { d => d.Request, request! } })
            is { Canceled: false };

    /// <summary>Whether the action ran with the typed reason and succeeded (false: cancelled or ignored, nothing changed).</summary>
    public static async Task<bool> AskReasonAsync(this IDialogService dialogs, object opener, ReasonRequest request) =>
        await dialogs.OpenAsync<ReasonDialog>(opener, request?.Title, new DialogParameters<ReasonDialog> { { d => d.Request, request! } })
            is { Canceled: false };

    /// <summary>
    /// Shows <typeparamref name="TDialog"/> for <paramref name="opener"/> and answers with how it closed; null, showing
    /// nothing, when the opener's dialog is already opening or open.
    /// </summary>
    public static async Task<DialogResult?> OpenAsync<TDialog>(this IDialogService dialogs, object opener, string? title, DialogParameters parameters)
        where TDialog : IComponent
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(opener);
        ArgumentNullException.ThrowIfNull(title);
        if (!Open.TryAdd(opener, opener))
        {
            return null;
        }

        try
        {
            var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
            return await dialog.Result;
        }
        finally
        {
            Open.Remove(opener);
        }
    }
}
