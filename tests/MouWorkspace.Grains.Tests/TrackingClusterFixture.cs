using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Numbering;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace MouWorkspace.Grains.Tests;

/// <summary>
/// A cluster for the tracking grains: like <see cref="ClusterFixture"/> plus the in-memory reminder service, with a
/// short minimum reminder period so that a reminder test does not wait a minute.
/// </summary>
public sealed class TrackingClusterFixture : IDisposable
{
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(2);

    public TrackingClusterFixture()
    {
        Cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloConfigurator>().Build();
        Cluster.Deploy();
    }

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public void Dispose() => Cluster.StopAllSilos();

    /// <summary>The day the revisions are published on: before every adoption the tests record.</summary>
    public static readonly DateOnly HistoricalPublication = new(2006, 1, 2);

    /// <summary>A new MOU of <paramref name="organization"/> with one clause per text and <paramref name="revisions"/> revisions.</summary>
    public async Task<IMouGrain> NewMouAsync(string organization = "un", int revisions = 1, params string[] texts)
    {
        var secretariat = Actors.Secretariat with { Organization = organization };
        var mou = Grains.GetGrain<IMouGrain>(Ids.New());
        Assert.True((await mou.CreateAsync(new CreateMou(organization, "Tracked MOU", ["FRA", "IND"], false, secretariat))).Ok);
        foreach (var text in texts.Length > 0 ? texts : ["First clause.", "Second clause."])
            Assert.True((await mou.AddClauseAsync(new AddClause("Heading", text, null, ClauseKind.Operative, secretariat))).Ok);
        for (var n = 1; n <= revisions; n++)
            Assert.True((await mou.PublishRevisionAsync($"Rev.{n}", secretariat, HistoricalPublication)).Ok);
        return mou;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(StorageNames.Blobs).AddMemoryGrainStorage(StorageNames.Tables);
            RecordingConsumer.AddTo(silo, audit: false);
            silo.UseInMemoryReminderService();
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = ReminderPeriod);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<MouWorkspace.Grains.Clauses.ICommentStore, MouWorkspace.Grains.Clauses.MemoryCommentStore>();
        }
    }
}

[CollectionDefinition("tracking-cluster")]
public sealed class TrackingClusterCollection : ICollectionFixture<TrackingClusterFixture>;
