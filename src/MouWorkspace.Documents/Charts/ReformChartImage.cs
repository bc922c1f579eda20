using ScottPlot;

namespace MouWorkspace.Documents.Charts;

/// <summary>The reform chart drawn with ScottPlot as a PNG, for documents (the page draws its own SVG).</summary>
public static class ReformChartImage
{
    public static byte[] Png(IReadOnlyList<ReformChartColumn> columns, int width, int height)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < columns.Count; i++)
        {
            double bottom = 0;
            foreach (var status in ReformChart.Statuses)
            {
                var count = columns[i].ByStatus[status];
                if (count == 0)
                    continue;
                bars.Add(new Bar
                {
                    Position = i,
                    ValueBase = bottom,
                    Value = bottom + count,
                    FillColor = Color.FromHex(ReformChart.Colors[status]),
                    Label = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    CenterLabel = true,
                });
                bottom += count;
            }
        }
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.ForeColor = Colors.White;
        series.ValueLabelStyle.FontSize = 12;
        series.ValueLabelStyle.Bold = true;
        foreach (var status in ReformChart.Statuses)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = ReformChart.StatusTitle(status), FillColor = Color.FromHex(ReformChart.Colors[status]) });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, columns.Count).Select(i => (double)i).ToArray(),
            columns.Select(c => c.Label.Replace(" · ", "\n", StringComparison.Ordinal)).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "Reform items";
        plot.Axes.Title.Label.Text = "Reform items by status per pillar and organization";
        plot.Axes.Margins(bottom: 0, top: 0.25);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
