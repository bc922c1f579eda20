using MouWorkspace.Grains.Events;
using MouWorkspace.Grains.Webhooks;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Webhooks;

public static class WebhookSetup
{
    /// <summary>The webhook consumer and sender, the address rule (<c>Webhooks:AllowPrivateAddresses</c>, default: Development only), the policy.</summary>
    public static void AddMouWebhooks(this WebApplicationBuilder builder)
    {
        var allowPrivate = builder.Configuration.GetValue("Webhooks:AllowPrivateAddresses", builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(new WebhookAddresses(allowPrivate));
        builder.Services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        builder.Services.AddSingleton<IChangeConsumer, WebhookConsumer>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(WebhookEndpoints.Policy, p => p.RequireRole(Roles.Secretariat, Roles.Admin));
    }
}
