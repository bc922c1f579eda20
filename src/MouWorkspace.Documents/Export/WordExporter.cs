using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Packaging;

namespace MouWorkspace.Documents.Export;

/// <summary>Writes an <see cref="ExportDocument"/> as a .docx. Same input, same bytes.</summary>
public static class WordExporter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <exception cref="ArgumentException">unknown language code.</exception>
    public static void Write(ExportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var runs = new RunFactory(ExportLanguage.For(document.Language));

        using var buffer = new MemoryStream();
        using (var word = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // Explicit relationship ids: the SDK's default ids are random, which would break byte-identical output.
            var main = word.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = StyleSheet.Build(runs.Language);
            // Track changes on: a delegation's edits to the circulated copy come back as tracked markups.
            // Settings children in schema order: trackRevisions, defaultTabStop, …, themeFontLang.
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(new TrackRevisions(), new DefaultTabStop { Val = 851 }, FontParts.ThemeLanguages());
            FontParts.Write(main);

            var clauses = ClauseView.From(document);
            var comments = CommentPlan.Build(document.Comments, clauses);
            var byClause = comments.ToLookup(c => c.ClauseId, StringComparer.Ordinal);

            var body = new Body();
            body.Append(TitleBlock.Build(document, runs, clauses.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count()));
            var writer = new ClauseWriter(runs, document.Translation);
            var anchored = new HashSet<string>(StringComparer.Ordinal);
            foreach (var clause in clauses)
            {
                // A clause id listed twice gets its comments once, on the first occurrence.
                var own = anchored.Add(clause.Id) ? byClause[clause.Id].ToList() : [];
                body.Append(writer.Write(clause, own));
            }
            if (document.Annex is { } annex)
                body.Append(AnnexTable.Build(document, annex, runs));
            body.Append(PageLayout.Build(main, document, runs));
            main.Document = new Document(body);
            CommentsWriter.Write(main, comments, runs);
            if (document.Origin is { } origin)
                OriginPart.Write(main, origin);
        }
        DeterministicZip.Copy(buffer, output);
    }

    /// <summary>Convenience for callers that store the bytes (e.g. a published revision's circulated copy).</summary>
    public static byte[] ToBytes(ExportDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }
}
