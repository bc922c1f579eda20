using MouWorkspace.Web.Components;
using MouWorkspace.Web.Auth;
using Radzen;

namespace MouWorkspace.Web.Frontend;

public static class FrontendSetup
{
    public static void AddMouFrontend(this WebApplicationBuilder builder)
    {
        // A text box's whole value travels in one message of the live connection: size it for the longest text a box
        // takes (TextLimits.Longest, up to 6 bytes a character once escaped, plus the event's framing). Over the
        // default 32 KB the connection dropped silently and the server kept the previous value (issue 15.2).
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = MaxTextMessageBytes);
        builder.Services.AddRadzenComponents();
        builder.Services.AddSingleton<LiveEvents>();
        builder.Services.AddScoped<PageServices>();
        builder.Services.AddHostedService<LiveEventsSubscription>();
        builder.Services.AddHttpClient<MouApi>((sp, client) =>
        {
            client.BaseAddress = MouApi.BaseAddress(sp);
            client.Timeout = TimeSpan.FromSeconds(100);
        });
    }

    public const long MaxTextMessageBytes = Domain.Text.TextLimits.Longest * 6L + 64 * 1024;

    public static void MapMouFrontend(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignInEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
