using System.Diagnostics;

namespace MouWorkspace.Documents.Tests.Support;

/// <summary>
/// LibreOffice, poppler, pandoc and python-docx, run as real producers/readers of .docx. Each soffice run gets its
/// own HOME (its profile lives there), so parallel tests never share a LibreOffice instance. Missing
/// programs fail the test: a green run must mean the documents really were opened.
/// </summary>
internal static class ExternalTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Converts <paramref name="input"/> with LibreOffice into a new folder; returns the output file's path.</summary>
    public static string SofficeConvert(string input, string format)
    {
        var home = TempDir("lo-home");
        var outDir = TempDir("lo-out");
        try
        {
            Run("soffice", ["--headless", "--norestore", "--convert-to", format, "--outdir", outDir, input], home);
        }
        finally
        {
            TryDelete(home);
        }
        var produced = Directory.GetFiles(outDir);
        Assert.True(produced.Length == 1, $"soffice produced {produced.Length} files from {input} in {outDir}");
        return produced[0];
    }

    public static string PdfToText(string pdf) => Run("pdftotext", ["-enc", "UTF-8", pdf, "-"], null);

    /// <summary>
    /// The PDF's lines as they are seen, left to right: every word's box from <c>pdftotext -bbox</c>, grouped by line and
    /// ordered by x. pdftotext's own text output reorders right-to-left lines, so it cannot tell whether "1 December 2026"
    /// was laid out in order; the boxes can. Bidi control characters drawn as empty words are dropped.
    /// </summary>
    public static IReadOnlyList<string> PdfVisualLines(string pdf)
    {
        var xhtml = System.Xml.Linq.XDocument.Parse(Run("pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"], null));
        double Number(System.Xml.Linq.XElement e, string name) => double.Parse((string)e.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
        var words = xhtml.Descendants().Where(e => e.Name.LocalName == "page").SelectMany((page, p) => page.Descendants()
            .Where(e => e.Name.LocalName == "word")
            .Select(w => (Text: new string(w.Value.Where(c => c is not (>= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')).ToArray()),
                X: Number(w, "xMin"), XMax: Number(w, "xMax"), Y: Number(w, "yMax") + p * 10_000, Width: Number(page, "width"))))
            // The exports number their lines in the margin (w:lnNumType): those numbers are not part of the text's lines.
            .Where(w => w.Text.Length > 0 && !(w.Text.All(char.IsAsciiDigit) && (w.XMax < 62 || w.X > w.Width - 62))).ToList();
        return words.GroupBy(w => Math.Round(w.Y / 4)).OrderBy(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(w => w.X).Select(w => w.Text))).ToList();
    }

    /// <summary>Each word poppler finds in the PDF with its left edge (x, points) and the page width.</summary>
    public static IReadOnlyList<(string Text, double X, double PageWidth)> PdfWords(string pdf)
    {
        var xhtml = System.Xml.Linq.XDocument.Parse(Run("pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"], null));
        double Number(System.Xml.Linq.XElement e, string name) => double.Parse((string)e.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
        return xhtml.Descendants().Where(e => e.Name.LocalName == "page").SelectMany(page => page.Descendants()
            .Where(e => e.Name.LocalName == "word").Select(w => (w.Value, Number(w, "xMin"), Number(page, "width")))).ToList();
    }

    public static string Pandoc(params string[] args) => Run("pandoc", args, null);

    /// <summary>Runs a python-docx script with the system Python, where Debian's python3-docx lives (a pyenv python3 on PATH lacks it).</summary>
    public static string PythonDocx(string script, params string[] args) =>
        Run(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", ["-c", script, .. args], null);

    public static string TempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"mou-docs-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string WriteTemp(string name, byte[] bytes)
    {
        var path = Path.Combine(TempDir("in"), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Run(string program, string[] args, string? home)
    {
        var path = Find(program);
        Assert.True(path is not null, $"'{program}' is not installed: run ./test.sh (it installs LibreOffice, poppler-utils and pandoc)");
        var start = new ProcessStartInfo(path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        if (home is not null)
            start.Environment["HOME"] = home;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {Timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
            .Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
