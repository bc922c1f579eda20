using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains;
using MouWorkspace.Grains.Events;
using Orleans.Configuration;

namespace MouWorkspace.Web.Hosting;

public static class OrleansSetup
{
    /// <summary>
    /// <c>App:Role</c>: <c>combined</c> (default) hosts a silo in this process, <c>client</c> joins a cluster of
    /// silos as an Orleans client (a web front end of a multi-silo deployment). Grain state lives in Azure Blob
    /// (growing state) and Table (small state) storage, membership in Azure Table clustering.
    /// </summary>
    public static void AddMouOrleans(this WebApplicationBuilder builder, StorageEndpoint storage)
    {
        var config = builder.Configuration;
        // Fail fast when storage is gone: a request answers 503 within seconds instead of hanging on retries.
        var tables = new TableServiceClient(storage.ConnectionString, StorageRetries(new TableClientOptions()));
        var blobs = new BlobServiceClient(storage.ConnectionString, StorageRetries(new BlobClientOptions()));
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton(blobs);
        builder.Services.AddSingleton(TimeProvider.System);
        // Filled by the grains of this process's silo; stays empty in client mode (every read asks a grain).
        builder.Services.AddSingleton<LocalReads>();

        var serviceId = config["Orleans:ServiceId"] ?? "mouworkspace";
        var clusterId = config["Orleans:ClusterId"];
        var responseTimeout = TimeSpan.FromSeconds(config.GetValue("Orleans:ResponseTimeoutSeconds", 10));
        if (string.Equals(config["App:Role"], "client", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(clusterId))
                throw new InvalidOperationException("App:Role=client joins an existing cluster: set Orleans:ClusterId to the silos' cluster id.");
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (serviceId, clusterId));
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
                client.UseAzureStorageClustering(o => o.TableServiceClient = tables);
            });
            return;
        }

        // Only a silo seals audit records (the grains run there): a client needs no key.
        builder.Services.AddSingleton(AuditSetup.LoadKeys(config, builder.Environment));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = serviceId;
                // A single-process app gets a fresh cluster id per start, so that it never waits for the
                // membership rows of a previous run; silos that are meant to join each other configure one.
                o.ClusterId = clusterId ?? $"local-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddHHmmss}";
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
            silo.Configure<ClusterMembershipOptions>(o => ConfigureFailover(o, config));
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
            AddChangeStreams(silo, builder.Services, storage.ConnectionString, serviceId, config);
            // Loopback on one machine; a pod or VM advertises its own address (Orleans:Endpoints:AdvertisedIPAddress)
            // and then listens on every interface, or no other silo could reach it.
            var advertised = IPAddress.TryParse(config["Orleans:Endpoints:AdvertisedIPAddress"], out var address) ? address : IPAddress.Loopback;
            var listenOnAny = config.GetValue("Orleans:Endpoints:ListenOnAnyHostAddress", !IPAddress.IsLoopback(advertised));
            silo.ConfigureEndpoints(advertised, Port(config, "Orleans:SiloPort"), Port(config, "Orleans:GatewayPort"), listenOnAnyHostAddress: listenOnAny);
        });
    }

    /// <summary>
    /// The change streams (docs/architecture.md): every grain publishes its changes on Azure Queue storage, so that an
    /// event outlives the silo that published it and is consumed on whichever silo pulls its queue. Consumers are
    /// implicit subscribers (no subscription state to store or lose); the queues are named after the service so
    /// that two services on one storage account never read each other's events. <c>Events:Queues</c> (default 2)
    /// spreads scopes over queues, <c>Events:PollMilliseconds</c> (default 200) is how often an idle queue is asked
    /// (each queue costs a storage request per poll: 10 a second per silo by default).
    /// </summary>
    private static void AddChangeStreams(ISiloBuilder silo, IServiceCollection services, string connectionString, string serviceId, IConfiguration config)
    {
        var queues = Math.Clamp(config.GetValue("Events:Queues", 2), 1, 64);
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(config.GetValue("Events:PollMilliseconds", 200), 10, 10_000));
        var prefix = ContainerName(serviceId)["grainstate-".Length..];
        var names = Enumerable.Range(0, queues).Select(i => QueueName(prefix, i)).ToList();
        silo.AddAzureQueueStreams(ChangeStreams.Provider, configurator =>
        {
            configurator.ConfigureAzureQueue(ob => ob.Configure(o =>
            {
                o.QueueServiceClient = new Azure.Storage.Queues.QueueServiceClient(connectionString, StorageRetries(new Azure.Storage.Queues.QueueClientOptions()));
                o.QueueNames = names;
            }));
            configurator.ConfigurePullingAgent(ob => ob.Configure(o => o.GetQueueMsgsTimerPeriod = poll));
            configurator.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly);
        });
        services.AddChangeOutbox();
        // In this order: the audit of changes no request made, the followers, each text's activity list, the open pages (search adds its own).
        services.AddSingleton<IChangeConsumer, AuditConsumer>();
        services.AddSingleton<IChangeConsumer, NotificationConsumer>();
        services.AddSingleton<IChangeConsumer, MouWorkspace.Grains.Activity.ActivityConsumer>();
        services.AddSingleton<IChangeConsumer, LiveConsumer>();
    }

    /// <summary>"changes-" and the service in the characters a queue name allows (3–63, lowercase, digits, single hyphens).</summary>
    internal static string QueueName(string service, int index)
    {
        var suffix = $"-changes-{index}";
        var head = service.Length + suffix.Length > 63 ? service[..(63 - suffix.Length)].TrimEnd('-') : service;
        return head.Length == 0 ? $"mou{suffix}" : head + suffix;
    }

    /// <summary>
    /// How fast a dead silo is declared dead, so that its grains answer again from another silo. Orleans'
    /// defaults (10 s probes, 3 misses) take about 12 s; on one network segment a silo that misses two 1 s probes
    /// is gone, and the table is re-read every 2 s (≈2 s here). <c>Orleans:Membership:Conservative=true</c>
    /// restores Orleans' defaults for networks with long pauses (cross-zone, busy hosts).
    /// </summary>
    private static void ConfigureFailover(ClusterMembershipOptions options, IConfiguration config)
    {
        if (config.GetValue("Orleans:Membership:Conservative", false))
            return;
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }

    private static T StorageRetries<T>(T options) where T : Azure.Core.ClientOptions
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
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
        // Aspire's Orleans integration names them Orleans:Endpoints:SiloPort / GatewayPort.
        var aspire = config[key.Replace("Orleans:", "Orleans:Endpoints:", StringComparison.Ordinal)];
        if (int.TryParse(config[key], out var port) && port > 0 || int.TryParse(aspire, out port) && port > 0)
            return port;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
