namespace MouWorkspace.Documents.Import;

/// <summary>
/// Bounds on the XML inside an uploaded package, checked by a streaming reader before the OpenXml SDK builds its
/// DOM: the SDK's load recurses once per nesting level, so a deep enough part overflows the stack, and a stack
/// overflow cannot be caught (the whole process dies). The same depth bounds the Akoma Ntoso reader.
/// </summary>
public static class XmlLimits
{
    /// <summary>
    /// Deepest element nesting accepted in any one XML part. Real documents stay far below: a paragraph sits at
    /// depth 3, a table cell's paragraph at 6, and tables in tables, text boxes and drawings add a handful of levels each.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Most elements accepted across all XML parts of one package: one per 25 bytes of the 50 MB expansion limit.
    /// A 500-page report has a few hundred thousand.
    /// </summary>
    public const int MaxElements = 2_000_000;
}
