using System.Text;
using AzureDocument = Azure.Search.Documents.Models.SearchDocument;

namespace MouWorkspace.Search.Azure;

/// <summary>
/// How our documents and queries look to Azure AI Search: field names, document keys (Azure allows letters,
/// digits, '-', '_' and '=' only), OData filter expressions and the markers used to highlight safely.
/// Pure functions, tested offline.
/// </summary>
public static class AzureSearchMapping
{
    public const string Key = "key";
    public const string DocId = "docId";
    public const string Owner = "owner";
    public const string Kind = "kind";
    public const string Organization = "organization";
    public const string MouId = "mouId";
    public const string ClauseId = "clauseId";
    public const string Title = "title";
    public const string Text = "text";
    public const string Link = "link";
    public const string Readers = "readers";
    public const string At = "at";

    /// <summary>Markers asked of the service around highlighted words: control characters no text of ours holds.</summary>
    public const string PreTag = "\u0002";
    public const string PostTag = "\u0003";

    /// <summary>Our ids ("comment:mou/clause/id") as Azure keys: URL-safe base64 without padding.</summary>
    public static string EncodeKey(string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string DecodeKey(string key)
    {
        var base64 = key.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }

    public static AzureDocument ToAzure(SearchDocument d) => new()
    {
        [Key] = EncodeKey(d.Id),
        [DocId] = d.Id,
        [Owner] = d.Owner,
        [Kind] = d.Kind,
        [Organization] = d.Organization.ToLowerInvariant(),
        [MouId] = d.MouId,
        [ClauseId] = d.ClauseId,
        [Title] = d.Title,
        [Text] = d.Text,
        [Link] = d.Link,
        [Readers] = d.Readers.ToArray(),
        [At] = d.At,
    };

    /// <summary>A string literal in an OData filter: single quotes doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The filter for a query: the kind, organization and MOU asked for, and that the caller holds one of the
    /// document's reader tokens (null tokens: no restriction). Null when nothing restricts.
    /// </summary>
    public static string? Filter(SearchQuery query, string? kind)
    {
        var parts = new List<string>();
        if (kind is not null)
            parts.Add($"{Kind} eq {Literal(kind)}");
        if (!string.IsNullOrEmpty(query.Organization))
            parts.Add($"{Organization} eq {Literal(query.Organization.ToLowerInvariant())}");
        if (!string.IsNullOrEmpty(query.MouId))
            parts.Add($"{MouId} eq {Literal(query.MouId)}");
        if (query.Readers is { } readers)
        {
            // search.in splits on the delimiter: a token holding it would widen the set, so such tokens are dropped.
            var safe = readers.Where(r => !r.Contains('|', StringComparison.Ordinal)).ToArray();
            parts.Add(safe.Length == 0 ? "false" : $"{Readers}/any(r: search.in(r, {Literal(string.Join('|', safe))}, '|'))");
        }
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    /// <summary>The filter that finds every document of one owner (to delete them before replacing).</summary>
    public static string OwnerFilter(string owner) => $"{Owner} eq {Literal(owner)}";
}
