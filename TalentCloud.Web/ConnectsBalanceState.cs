namespace TalentCloud.Web;

/// <summary>Tells the top bar of one circuit that the user's Connects balance may have changed, so it reloads it from Core.</summary>
public sealed class ConnectsBalanceState
{
    public event Func<Task>? Changed;

    public async Task NotifyChangedAsync()
    {
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }
}
