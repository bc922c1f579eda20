using Lucene.Net.Store;
using MouWorkspace.Search;
using MouWorkspace.Search.Azure;
using MouWorkspace.Search.Lucene;
using MouWorkspace.Grains.Events;
using MouWorkspace.Web.Hosting;

namespace MouWorkspace.Web.Search;

public static class SearchSetup
{
    /// <summary>
    /// Search (docs/search.md): the index chosen by <c>Search:Provider</c>, the change consumer that feeds what
    /// changed to the cluster, and the background indexer that follows the cluster's change feed.
    /// </summary>
    public static void AddMouSearch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SearchOptions>(builder.Configuration.GetSection("Search"));
        services.AddSingleton<SearchFeedSignal>();
        services.AddSingleton<SearchStatus>();
        services.AddSingleton<IChangeConsumer, SearchConsumer>();
        services.AddSingleton<ISearchIndex>(sp => Create(sp, builder.Configuration, builder.Environment));
        services.AddHostedService<SearchIndexer>();
    }

    private static ISearchIndex Create(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Search").Get<SearchOptions>() ?? new SearchOptions();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("MouWorkspace.Search");
        if (string.Equals(options.Provider, "AzureAISearch", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(options.AzureAISearch.Endpoint, UriKind.Absolute, out var endpoint))
                throw new InvalidOperationException("Search:Provider=AzureAISearch needs Search:AzureAISearch:Endpoint (https://<service>.search.windows.net).");
            logger.LogInformation("Search index: Azure AI Search {Endpoint}, index {Index}", endpoint, options.AzureAISearch.IndexName);
            return new AzureSearchIndex(new AzureSearchSettings(endpoint, options.AzureAISearch.IndexName, options.AzureAISearch.ApiKey));
        }
        if (!string.Equals(options.Provider, "Lucene", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Search:Provider must be Lucene or AzureAISearch, not '{options.Provider}'.");

        var path = options.IndexPath is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(DataPathOrTemp(configuration, environment), "search", Folder(configuration["Orleans:ServiceId"] ?? "mouworkspace"));
        try
        {
            logger.LogInformation("Search index: Lucene.NET in {Path}", path);
            return LuceneSearchIndex.Open(path, ex => logger.LogWarning(ex, "Search index in {Path} could not be read: it is created anew and rebuilt from the change feed", path));
        }
        catch (LockObtainFailedException)
        {
            // Another process of this deployment on this machine holds the folder: this host keeps its own copy.
            var own = path + "-" + Environment.ProcessId;
            logger.LogInformation("Search index folder {Path} is held by another process: using {Own}", path, own);
            return LuceneSearchIndex.Open(own);
        }
    }

    private static string DataPathOrTemp(IConfiguration configuration, IHostEnvironment environment)
    {
        try
        {
            return AppPaths.DataPath(configuration, environment);
        }
        catch (InvalidOperationException)
        {
            return Path.Combine(Path.GetTempPath(), "mouworkspace");
        }
    }

    private static string Folder(string serviceId) =>
        new(serviceId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
