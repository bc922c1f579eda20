using MouWorkspace.ServiceDefaults;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Endpoints;
using MouWorkspace.Web.Frontend;
using MouWorkspace.Web.Hosting;
using MouWorkspace.Web.Search;
using MouWorkspace.Web.Notifications;
using MouWorkspace.Web.Seed;
using MouWorkspace.Web.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Logging.LimitRepeatedFailures();

var storage = await builder.AddMouStorageAsync();
builder.AddMouOrleans(storage);
builder.AddMouAuth();
builder.AddMouApi();
builder.AddMouFrontend();
builder.AddMouNotifications();
builder.Services.AddHostedService<DemoSeeder>();
builder.AddMouSearch();
builder.AddMouWebhooks();

var app = builder.Build();

app.UseMouApi();
app.MapMouApi();
app.MapMouFrontend();
app.MapDefaultEndpoints();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
