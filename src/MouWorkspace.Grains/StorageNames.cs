namespace MouWorkspace.Grains;

/// <summary>Grain storage provider names, defined once for the silo configuration and the grains.</summary>
public static class StorageNames
{
    /// <summary>Azure Blob storage: state that grows (clauses with their drafts and comments, MOUs with their revisions).</summary>
    public const string Blobs = "blobs";

    /// <summary>Azure Table storage: small state (organization indexes).</summary>
    public const string Tables = "tables";
}
