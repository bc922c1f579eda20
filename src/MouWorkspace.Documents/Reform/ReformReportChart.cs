using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MouWorkspace.Documents.Charts;
using MouWorkspace.Domain.Tracking;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace MouWorkspace.Documents.Reform;

/// <summary>
/// The reform board's chart (items by status per pillar and organization) as a PNG picture in the report: an image
/// part, an inline drawing, and the chart in words as the picture's alternative text (docPr descr).
/// </summary>
public static class ReformReportChart
{
    private const long EmuPerCentimetre = 360_000;
    private const long WidthEmu = 165 * EmuPerCentimetre / 10; // 16.5 cm: inside the 18 cm between the margins
    private const long HeightEmu = 50 * EmuPerCentimetre / 10; // 5 cm: the page still holds every table
    private const int WidthPixels = 990, HeightPixels = 300;

    public static Paragraph Paragraph(MainDocumentPart main, IReadOnlyList<ReformRow> items)
    {
        var columns = ReformChart.Columns(items.Select(i => (ReformRules.ToWire(i.Pillar), i.Organization, ReformRules.ToWire(i.Status))));
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(ReformChartImage.Png(columns, WidthPixels, HeightPixels)))
            image.FeedData(png);
        var description = ReformChart.Describe(columns);
        const string name = "Reform items by status per pillar and organization";
        var inline = new DW.Inline(
            new DW.Extent { Cx = WidthEmu, Cy = HeightEmu },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = "reform-chart.png", Description = description },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = WidthEmu, Cy = HeightEmu }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "60", After = "0" }, new Justification { Val = JustificationValues.Center }),
            new Run(new Drawing(inline)));
    }
}
