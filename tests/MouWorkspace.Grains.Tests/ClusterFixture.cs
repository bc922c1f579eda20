using MouWorkspace.Grains.Clauses;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Grains;
using MouWorkspace.Grains.Audit;
using Orleans.TestingHost;

namespace MouWorkspace.Grains.Tests;

/// <summary>One in-process cluster for the grain tests, with memory storage under the real provider names.</summary>
public sealed class ClusterFixture : IDisposable
{
    public ClusterFixture()
    {
        Cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();
        Cluster.Deploy();
    }

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public void Dispose() => Cluster.StopAllSilos();

    /// <summary>The audit chain key of the test silo (configuration in the app; never in storage).</summary>
    public static readonly AuditKeys AuditKey = new(System.Text.Encoding.ASCII.GetBytes("grain-tests-audit-key-not-a-secret-32b"));

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(StorageNames.Blobs).AddMemoryGrainStorage(StorageNames.Tables);
            RecordingConsumer.AddTo(silo, audit: true);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<MemoryAuditStore>();
            silo.Services.AddSingleton<FlakyAuditStore>();
            silo.Services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<FlakyAuditStore>());
            silo.Services.AddSingleton(AuditKey);
            silo.Services.AddSingleton<ICommentStore, MemoryCommentStore>();
            silo.Services.AddSingleton<MouWorkspace.Grains.Notifications.INotificationMailer, MouWorkspace.Grains.Notifications.NoMailer>();
        }
    }
}

[CollectionDefinition("cluster")]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;

public static class Actors
{
    public static readonly Actor Secretariat = new("t:sec", "Secretariat", "Secretariat", null, "un");
    public static readonly Actor Legal = new("t:legal", "Legal Officer", "LegalOfficer", null, "un");

    public static Actor Delegate(string state) => new($"t:{state}", $"Delegate of {state}", "Delegate", state, "un");
}
