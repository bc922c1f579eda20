using MouWorkspace.Web.Components;
using MouWorkspace.Web.Auth;
using Radzen;

namespace MouWorkspace.Web.Frontend;

public static class FrontendSetup
{
    public static void AddMouFrontend(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddSingleton<LiveEvents>();
        builder.Services.AddHostedService<LiveEventsSubscription>();
        builder.Services.AddHttpClient<MouApi>((sp, client) =>
        {
            client.BaseAddress = MouApi.BaseAddress(sp);
            client.Timeout = TimeSpan.FromSeconds(100);
        });
    }

    public static void MapMouFrontend(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignInEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
