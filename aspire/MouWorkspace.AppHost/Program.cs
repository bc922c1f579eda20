using System.Net;
using System.Net.Sockets;

// A multi-silo MouWorkspace on one machine: Azurite (the repo's pinned npm package, run as an executable,
// addressed as 127.0.0.1), two silos that also serve the API, and a web front end that is an Orleans client.
var builder = DistributedApplication.CreateBuilder(args);

var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
var azuriteDirectory = Path.Combine(repository, "azurite");
var silos = int.TryParse(builder.Configuration["Silos"], out var configuredSilos) ? configuredSilos : 2;
var webPort = int.TryParse(builder.Configuration["WebPort"], out var configuredWebPort) ? configuredWebPort : 5090;
int blob = FreePort(), queue = FreePort(), table = FreePort();
var storageData = Path.Combine(azuriteDirectory, "data", "aspire-storage");
Directory.CreateDirectory(storageData);

var azurite = builder.AddExecutable("azurite", "node", azuriteDirectory, "launch.js", "--parent-pid", Environment.ProcessId.ToString(), "--",
    "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(), "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
    "--tableHost", "127.0.0.1", "--tablePort", table.ToString(), "--location", storageData, "--silent", "--disableTelemetry",
    "--skipApiVersionCheck", "--loose");
var connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
    "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
    $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

// Aspire.Hosting.Orleans wants a clustering resource (Aspire.Hosting.Azure.Storage, not served here) before a
// project may reference the cluster; the app configures Azure Table clustering itself, so the cluster's ids go
// to every process as plain settings instead.
const string ClusterId = "aspire", ServiceId = "mouworkspace-aspire";
var dataPath = Path.Combine(azuriteDirectory, "data", "aspire");

IResourceBuilder<ProjectResource> App(string name, string role, int httpPort) =>
    builder.AddProject<Projects.MouWorkspace_Web>(name, launchProfileName: null)
        .WithHttpEndpoint(port: httpPort, targetPort: httpPort, isProxied: false)
        .WithEnvironment("Urls", Url(httpPort))
        .WithEnvironment("ConnectionStrings__AzureStorage", connectionString)
        .WithEnvironment("App__Role", role)
        .WithEnvironment("App__DataPath", dataPath)
        // Each process its own search index (Lucene allows one writer per folder); the signing key in the data
        // folder stays shared, so that every process accepts the same tokens.
        .WithEnvironment("Search__IndexPath", Path.Combine(dataPath, "search-" + name))
        .WithEnvironment("Orleans__Endpoints__AdvertisedIPAddress", "127.0.0.1")
        .WithEnvironment("Orleans__ClusterId", ClusterId)
        .WithEnvironment("Orleans__ServiceId", ServiceId)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
        .WaitFor(azurite);

var first = App("silo-1", "combined", FreePort()).WithEnvironment("Seed__Demo", "true");
for (var i = 2; i <= silos; i++)
    App($"silo-{i}", "combined", FreePort()).WithEnvironment("Seed__Demo", "false").WaitFor(first);
App("web", "client", webPort).WithEnvironment("Seed__Demo", "false").WaitFor(first);

builder.Build().Run();

static string Url(int port) => "http://127.0.0.1:" + port;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
