using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MouWorkspace.Documents.Reading;

/// <summary>
/// The body's blocks in document order as a reader of the text sees them: paragraphs and tables, also those Word wraps
/// in a block content control (<c>w:sdt</c>) or custom XML (<c>w:customXml</c>), which a walk over the body's own
/// children skipped (a clause inside a content control vanished from imports and markups).
/// </summary>
internal static class BlockParagraphs
{
    public static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph or Table:
                    yield return child;
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    foreach (var inner in Blocks(content))
                        yield return inner;
                    break;
                case CustomXmlBlock custom:
                    foreach (var inner in Blocks(custom))
                        yield return inner;
                    break;
            }
        }
    }

    public static IEnumerable<Paragraph> Of(Body body) => Blocks(body).OfType<Paragraph>();
}
