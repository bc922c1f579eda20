using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MouWorkspace.Grains;
using Orleans.Configuration;

namespace MouWorkspace.Web.Hosting;

public static class OrleansSetup
{
    /// <summary>
    /// Co-hosts a silo: grain state in Azure Blob (growing state) and Table (small state) storage,
    /// membership in Azure Table clustering so that more silos can join the same cluster.
    /// </summary>
    public static void AddMouSilo(this WebApplicationBuilder builder, StorageEndpoint storage)
    {
        var config = builder.Configuration;
        var tables = new TableServiceClient(storage.ConnectionString);
        var blobs = new BlobServiceClient(storage.ConnectionString);
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton(blobs);
        builder.Services.AddSingleton(TimeProvider.System);

        var serviceId = config["Orleans:ServiceId"] ?? "mouworkspace";
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = serviceId;
                // A single-process app gets a fresh cluster id per start, so that it never waits for the
                // membership rows of a previous run; silos that are meant to join each other configure one.
                o.ClusterId = config["Orleans:ClusterId"] ?? $"local-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddHHmmss}";
            });
            silo.UseAzureStorageClustering(o => o.TableServiceClient = tables);
            // Blob names do not carry the service id (table rows do): a container per service keeps two services
            // on one storage account apart.
            silo.AddAzureBlobGrainStorage(StorageNames.Blobs, o =>
            {
                o.BlobServiceClient = blobs;
                o.ContainerName = ContainerName(serviceId);
            });
            silo.AddAzureTableGrainStorage(StorageNames.Tables, o => o.TableServiceClient = tables);
            silo.UseAzureTableReminderService(o => o.TableServiceClient = tables);
            silo.ConfigureEndpoints(IPAddress.Loopback, Port(config, "Orleans:SiloPort"), Port(config, "Orleans:GatewayPort"), listenOnAnyHostAddress: false);
        });
    }

    /// <summary>"grainstate-" and the service id in the characters a container name allows (3–63, lowercase, digits, hyphens).</summary>
    public static string ContainerName(string serviceId)
    {
        var cleaned = new string(serviceId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (cleaned.Contains("--", StringComparison.Ordinal))
            cleaned = cleaned.Replace("--", "-", StringComparison.Ordinal);
        var name = "grainstate-" + cleaned;
        return name.Length <= 63 ? name.TrimEnd('-') : name[..63].TrimEnd('-');
    }

    /// <summary>A configured port, or a free loopback port when none (or 0) is configured.</summary>
    private static int Port(IConfiguration config, string key)
    {
        if (int.TryParse(config[key], out var port) && port > 0)
            return port;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
