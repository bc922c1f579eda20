namespace MouWorkspace.Web.Search;

/// <summary>The <c>Search:*</c> settings (docs/search.md).</summary>
public sealed class SearchOptions
{
    /// <summary><c>Lucene</c> (default) or <c>AzureAISearch</c>.</summary>
    public string Provider { get; set; } = "Lucene";

    /// <summary>The Lucene index folder; default <c>{App:DataPath}/search/{Orleans:ServiceId}</c>.</summary>
    public string? IndexPath { get; set; }

    /// <summary>How often this host reads the cluster's change feed.</summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>Whether this host feeds the index (always with Lucene; with a shared Azure index one host may be enough).</summary>
    public bool Indexer { get; set; } = true;

    public AzureOptions AzureAISearch { get; set; } = new();

    public sealed class AzureOptions
    {
        public string? Endpoint { get; set; }
        public string IndexName { get; set; } = "mouworkspace";

        /// <summary>An admin key; without one the adapter signs in with the managed identity (DefaultAzureCredential).</summary>
        public string? ApiKey { get; set; }
    }
}
