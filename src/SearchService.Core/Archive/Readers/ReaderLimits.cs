using System.ComponentModel.DataAnnotations;

namespace SearchService.Core.Archive.Readers;

/// <summary>What a source reader accepts (configuration section "Archive:Readers").</summary>
public sealed class ReaderLimits
{
    public const string Section = "Archive:Readers";

    /// <summary>Pages of a PDF read at most; a longer PDF is refused. Default 2,000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPages { get; set; } = 2_000;

    /// <summary>Text kept from one source, in characters; more is refused (a decompression bomb). Default 20 million.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextChars { get; set; } = 20_000_000;

    /// <summary>Uncompressed bytes of a DOCX (all its parts) at most; more is a zip bomb. Default 256 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUnpackedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest ratio of uncompressed to compressed size of one DOCX part. Default 200.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Run OCR on scanned pages when tesseract and pdftoppm are installed. Default true.</summary>
    public bool Ocr { get; set; } = true;

    /// <summary>Tesseract language(s). Default "vie".</summary>
    public string OcrLanguages { get; set; } = "vie";

    /// <summary>Resolution pages are rendered at for OCR, in dots per inch. Default 300.</summary>
    [Range(72, 600)]
    public int OcrDpi { get; set; } = 300;

    /// <summary>Seconds one page may take to render and recognise; a slower page is left out with its reason. Default 60.</summary>
    [Range(1, 3600)]
    public int OcrSecondsPerPage { get; set; } = 60;

    /// <summary>Seconds of OCR one document may take in all; later pages are left out with the reason. Default 600.</summary>
    [Range(1, 86_400)]
    public int OcrSecondsPerDocument { get; set; } = 600;

    /// <summary>Seconds antiword may take on a .doc file. Default 60.</summary>
    [Range(1, 3600)]
    public int ProcessSeconds { get; set; } = 60;

    /// <summary>Folder of the tesseract, pdftoppm and antiword programs; empty = the PATH.</summary>
    public string ProgramsPath { get; set; } = "";
}
