using Microsoft.AspNetCore.Components;
using MouWorkspace.Web.Frontend;

namespace MouWorkspace.Web.Components.Shared;

/// <summary>
/// A page that reloads when a change in one of its scopes arrives (another user's comment, draft or position),
/// without the user reloading. Subclasses say which scopes and how to reload.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    [Inject] protected LiveEvents Live { get; set; } = default!;
    [Inject] protected MouApi Api { get; set; } = default!;

    protected ApiError? Error { get; set; }

    protected abstract bool Concerns(LiveEvent change);

    protected abstract Task LoadAsync();

    protected override void OnInitialized() => Live.Changed += OnChanged;

    protected override async Task OnParametersSetAsync() => await RunAsync(LoadAsync);

    /// <summary>Runs an API call, showing its problem details instead of breaking the page.</summary>
    protected async Task<bool> RunAsync(Func<Task> action)
    {
        try
        {
            Error = null;
            await action();
            return true;
        }
        catch (ApiError error)
        {
            Error = error;
            return false;
        }
        catch (Exception outage) when (MouWorkspace.Web.Infrastructure.ProblemExceptionHandler.IsOutage(outage))
        {
            // A read made in-process (an application service) meets storage or the cluster down: the API's 503, in words.
            var (status, title, detail) = MouWorkspace.Web.Infrastructure.ProblemExceptionHandler.Classify(outage, read: true);
            Error = new ApiError((System.Net.HttpStatusCode)status, title, detail);
            return false;
        }
    }

    private void OnChanged(LiveEvent change)
    {
        if (Concerns(change))
            _ = InvokeAsync(async () =>
            {
                await RunAsync(LoadAsync);
                StateHasChanged();
            });
    }

    public void Dispose()
    {
        Live.Changed -= OnChanged;
        GC.SuppressFinalize(this);
    }
}
