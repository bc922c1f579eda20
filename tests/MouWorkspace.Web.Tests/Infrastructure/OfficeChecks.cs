using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace MouWorkspace.Web.Tests.Infrastructure;

/// <summary>Checks on exported Office files: the Open XML SDK's validator, and LibreOffice opening them.</summary>
public static class OfficeChecks
{
    public static void AssertValidSpreadsheet(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    public static void AssertValidWordDocument(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    /// <summary>Converts an .xlsx to CSV with LibreOffice and returns the rows.</summary>
    public static async Task<IReadOnlyList<string[]>> LibreOfficeCsvAsync(byte[] xlsx)
    {
        var csv = await ConvertAsync(xlsx, "export.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76", "csv");
        return System.Text.Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => ParseCsvLine(line.TrimEnd('\r'))).ToArray();
    }

    /// <summary>Converts a .docx to PDF with LibreOffice Writer and counts the PDF's pages.</summary>
    public static async Task<int> PdfPageCountAsync(byte[] docx)
    {
        var pdf = await ConvertAsync(docx, "report.docx", "pdf", "pdf");
        return System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
    }

    /// <summary>Converts a .docx to PDF with LibreOffice Writer and returns the text pdftotext reads from it (in reading order).</summary>
    public static async Task<string> PdfTextAsync(byte[] docx) => await PdfToTextAsync(await ConvertAsync(docx, "text.docx", "pdf", "pdf"));

    /// <summary>The text pdftotext reads from a PDF (in reading order; <paramref name="layout"/>: as laid out, margins and all).</summary>
    public static async Task<string> PdfToTextAsync(byte[] pdf, bool layout = false)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("mou-pdf-").FullName, "text.pdf");
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var start = new ProcessStartInfo("pdftotext", layout ? ["-layout", "-enc", "UTF-8", file, "-"] : ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    /// <summary>
    /// One LibreOffice conversion in a private profile (parallel runs must not share one). Fails (never skips)
    /// when LibreOffice is missing: ./test.sh installs it.
    /// </summary>
    private static async Task<byte[]> ConvertAsync(byte[] content, string fileName, string filter, string outputExtension)
    {
        var soffice = FindSoffice();
        Assert.True(soffice is not null, "LibreOffice (soffice) is not installed: run ./test.sh, which installs it");
        var dir = Directory.CreateTempSubdirectory("mou-office-").FullName;
        try
        {
            var input = Path.Combine(dir, fileName);
            await File.WriteAllBytesAsync(input, content);
            var start = new ProcessStartInfo(soffice!, ["--headless", "--norestore", "--convert-to", filter, "--outdir", dir, input])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["HOME"] = dir;
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var output = Path.Combine(dir, Path.ChangeExtension(fileName, outputExtension));
            Assert.True(File.Exists(output), $"LibreOffice did not convert {fileName} (exit {process.ExitCode}): {await stderr}");
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The .docx as pandoc reads it into Markdown with <c>--track-changes=all</c>: each tracked change as <c>[words]{.insertion author="…"}</c>.</summary>
    public static async Task<string> PandocTrackedAsync(byte[] docx)
    {
        var pandoc = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "pandoc")).FirstOrDefault(File.Exists);
        Assert.True(pandoc is not null, "pandoc is not installed: run ./test.sh, which installs it");
        var dir = Directory.CreateTempSubdirectory("mou-pandoc-").FullName;
        try
        {
            var input = Path.Combine(dir, "in.docx");
            await File.WriteAllBytesAsync(input, docx);
            var (exit, markdown, stderr) = await RunAsync(pandoc!, ["--track-changes=all", "-f", "docx", "-t", "markdown", "--wrap=none", input]);
            Assert.True(exit == 0, $"pandoc could not read the document (exit {exit}): {stderr}");
            return markdown;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Runs a program to its end (at most <paramref name="timeout"/>, default a minute): its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IEnumerable<string> arguments,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        var stdout = await process.StandardOutput.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, stdout, await stderr);
    }

    private static string? FindSoffice() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "soffice")).FirstOrDefault(File.Exists);

    private static string[] ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
