namespace SearchService.Core.Archive.Readers;

/// <summary>How a source file was read, as GetIndexStats and IngestDocuments report it.</summary>
public enum SourceState
{
    /// <summary>Read as it is.</summary>
    Ok,

    /// <summary>Read, at least partly, by OCR from scanned pages: the text is less reliable.</summary>
    Ocr,

    /// <summary>Read after decoding a legacy Vietnamese encoding (TCVN3, VNI, VISCII, windows-1258).</summary>
    LegacyEncoding,

    /// <summary>Scanned pages and no OCR available here: not indexed (never indexed as empty).</summary>
    ScanWithoutOcr,

    /// <summary>Encrypted (password-protected) PDF: not indexed.</summary>
    Encrypted,

    /// <summary>A format the service does not read.</summary>
    Unsupported,

    /// <summary>Broken, over a limit, or lying about its type: not indexed.</summary>
    Error,
}

/// <summary>The status of one source, with what it concerns.</summary>
/// <param name="State">What happened.</param>
/// <param name="Reason">Why, for anything but a plain <see cref="SourceState.Ok"/>.</param>
/// <param name="Encoding">The legacy encoding decoded ("TCVN3"), for <see cref="SourceState.LegacyEncoding"/>.</param>
/// <param name="Pages">PDF pages concerned (OCR'd, scanned, over a limit), from 1.</param>
/// <param name="Format">The format read ("html", "pdf", "docx", "doc", "text", "jsonl"), empty when unknown.</param>
public sealed record SourceStatus(
    SourceState State,
    string Reason = "",
    string Encoding = "",
    IReadOnlyList<int>? Pages = null,
    string Format = "")
{
    public static readonly SourceStatus Ok = new(SourceState.Ok);

    /// <summary>The wire and log name: "ok", "ocr", "legacy-encoding", "scan-without-ocr", "encrypted", "unsupported", "error".</summary>
    public static string Name(SourceState state) => state switch
    {
        SourceState.Ok => "ok",
        SourceState.Ocr => "ocr",
        SourceState.LegacyEncoding => "legacy-encoding",
        SourceState.ScanWithoutOcr => "scan-without-ocr",
        SourceState.Encrypted => "encrypted",
        SourceState.Unsupported => "unsupported",
        _ => "error",
    };

    /// <summary>Whether the source gave documents to index.</summary>
    public bool Indexed => State is SourceState.Ok or SourceState.Ocr or SourceState.LegacyEncoding;

    /// <summary>The more telling of two statuses (a page read fine with an OCR'd attachment is "ocr").</summary>
    public static SourceStatus Worst(SourceStatus a, SourceStatus b) => Rank(b.State) > Rank(a.State) ? b : a;

    private static int Rank(SourceState state) => state switch
    {
        SourceState.Ok => 0,
        SourceState.LegacyEncoding => 1,
        SourceState.Ocr => 2,
        _ => 3,
    };
}
