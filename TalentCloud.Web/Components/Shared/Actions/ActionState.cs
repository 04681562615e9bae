namespace TalentCloud.Web.Components.Shared.Actions;

/// <summary>
/// The state of one action on a page (save, send, approve…): whether it is running and what went wrong last time.
/// A page keeps one per action and hands it to <see cref="PageActionRunner"/>, to a <c>BusyButton</c> and to
/// <c>ResultMessages</c>.
/// </summary>
public sealed class ActionState
{
    public bool Busy { get; private set; }

    /// <summary>The messages of the last failure, shown beside the form; empty after a success or before a try.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Failed => Errors.Count > 0;

    /// <summary>
    /// The last try answered "not found": what it acted on no longer exists for the user (for example, they were just
    /// removed from the organisation). The runner has sent the page to its not-found page.
    /// </summary>
    public bool NotFound { get; private set; }

    /// <summary>Forgets the last failure (for example when a dialog opens again).</summary>
    public void Reset() => Errors = [];

    internal void Start()
    {
        Busy = true;
        Errors = [];
        NotFound = false;
    }

    internal void Finish(IReadOnlyList<string> errors, bool notFound = false)
    {
        Busy = false;
        Errors = errors;
        NotFound = notFound;
    }
}
