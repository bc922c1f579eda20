namespace MouWorkspace.Domain.Text;

/// <summary>
/// How large an uploaded file may be, defined once: the readers refuse larger input before parsing it, the API sets its
/// request limit from these (plus the multipart envelope), and the pages check the same numbers before they send.
/// </summary>
public static class UploadLimits
{
    /// <summary>A Word or Akoma Ntoso document (import, markup): a negotiated text with comments is far below this.</summary>
    public const long Document = 20L * 1024 * 1024;

    /// <summary>A TCC's evidence file (a note verbale, a signed copy).</summary>
    public const long Evidence = 10L * 1024 * 1024;

    /// <summary>What a multipart request carries beside its file (boundaries, headers, form fields).</summary>
    public const long DocumentEnvelope = 1024 * 1024, EvidenceEnvelope = 64 * 1024;

    /// <summary>"20 MB", as the pages and the problems say a limit.</summary>
    public static string InMegabytes(long bytes) => $"{bytes / (1024 * 1024)} MB";
}
