using System.Diagnostics;
using System.Globalization;
using MouWorkspace.Bench.Documents;
using MouWorkspace.Documents.Export;
using MouWorkspace.Documents.Import;
using MouWorkspace.Documents.Model;
using MouWorkspace.Documents.Pdf;

// Warm, in-process timings of the Word export/import on a 300-clause MOU, next to whole-process
// pandoc turning the same text (Markdown) into .docx as the peer figure.
const int Warmups = 3, Runs = 20, PandocRuns = 5;

var clauses = MouGenerator.Clauses();
var clean = new ExportDocument("United Nations", "Model memorandum of understanding between the United Nations and [Participating State]",
    "Rev.2", new DateOnly(2007, 3, 12), AdvanceUnedited: false, "en", clauses);
var redline = clean with { Redline = MouGenerator.Redline(clauses) };
// Issue 18.12's case: the redline with the comments of a much-discussed clause (2,000 on one clause, as in the HTTP benchmark).
var redlineComments = redline with
{
    Comments = Enumerable.Range(0, 2000).Select(i => new ExportComment($"k{i}", clauses[150].Id, i % 2 == 0 ? "France (FRA)" : "India (IND)",
        new DateTimeOffset(2007, 3, 12, 10, 0, 0, TimeSpan.Zero).AddMinutes(i), $"A view on this paragraph ({i}).", null, null)).ToArray(),
};
// The same 300 clauses in Arabic words (shaped, right to left) for the PDF.
var arabic = clean with { Language = "ar", Clauses = clauses.Select(c => c with { Text = MouGenerator.Arabic(c.Text) }).ToArray() };
var cleanBytes = WordExporter.ToBytes(clean);
var redlineBytes = WordExporter.ToBytes(redline);
var imported = WordImporter.Read(new MemoryStream(cleanBytes), ImportOptions.Default);
if (imported.Clauses.Count != clauses.Length)
    throw new InvalidOperationException($"import read {imported.Clauses.Count} clauses, expected {clauses.Length}");

var results = new List<(string Name, double Median, double P95)>
{
    Measure("clean export (300 clauses)", () => WordExporter.ToBytes(clean)),
    Measure("redline export (10% changed)", () => WordExporter.ToBytes(redline)),
    Measure("redline export with 2,000 comments on one clause", () => WordExporter.ToBytes(redlineComments)),
    Measure("import of the clean export", () => WordImporter.Read(new MemoryStream(cleanBytes), ImportOptions.Default)),
    Measure("PDF room paper, clean (line-numbered)", () => PdfExporter.ToBytes(clean)),
    Measure("PDF room paper, redline", () => PdfExporter.ToBytes(redline)),
    Measure("PDF room paper, Arabic text", () => PdfExporter.ToBytes(arabic)),
};

var dir = Path.Combine(Path.GetTempPath(), "mou-bench-" + Environment.ProcessId);
Directory.CreateDirectory(dir);
var md = Path.Combine(dir, "mou.md");
File.WriteAllText(md, MouGenerator.Markdown(clauses));
var pandoc = new List<double>();
for (var i = 0; i < PandocRuns + 1; i++)
{
    var sw = Stopwatch.StartNew();
    using (var p = Process.Start(new ProcessStartInfo("pandoc", [md, "-o", Path.Combine(dir, "mou.docx")]) { UseShellExecute = false })!)
        p.WaitForExit();
    if (i > 0) // the first run fills the page cache
        pandoc.Add(sw.Elapsed.TotalMilliseconds);
}
pandoc.Sort();
results.Add(("pandoc md → docx, whole process (peer)", pandoc[pandoc.Count / 2], pandoc[^1]));
Directory.Delete(dir, recursive: true);

Console.WriteLine($"PDF clean {PdfExporter.ToBytes(clean).Length / 1024} KB ({PdfPages(PdfExporter.ToBytes(clean))} pages), redline {PdfExporter.ToBytes(redline).Length / 1024} KB, Arabic {PdfExporter.ToBytes(arabic).Length / 1024} KB");
Console.WriteLine($"clean export {cleanBytes.Length / 1024} KB, redline export {redlineBytes.Length / 1024} KB, {clauses.Length} clauses, {clauses.Sum(c => c.Text.Split(' ').Length)} words");
Console.WriteLine();
Console.WriteLine("| operation | median ms | p95 ms |");
Console.WriteLine("|---|---:|---:|");
foreach (var (name, median, p95) in results)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:F1} | {p95:F1} |"));
Console.WriteLine();
Console.WriteLine($"in-process: {Warmups} warm-ups, then {Runs} runs; pandoc: {PandocRuns} runs after one unmeasured (p95 column = slowest)");

static int PdfPages(byte[] pdf) => System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count;

static (string, double, double) Measure(string name, Action action)
{
    for (var i = 0; i < Warmups; i++)
        action();
    var times = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return (name, times[times.Count / 2], times[(int)Math.Ceiling(0.95 * times.Count) - 1]);
}
