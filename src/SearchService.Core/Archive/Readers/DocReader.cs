using SearchService.Core.Documents;

namespace SearchService.Core.Archive.Readers;

/// <summary>
/// A Word 97–2003 document (.doc), read by <c>antiword</c> run as a process with a timeout. Without
/// antiword the file is reported "unsupported" with the reason; it never stops the sync.
/// </summary>
public sealed class DocReader : ISourceReader
{
    private readonly ReaderLimits _limits;
    private readonly string? _antiword;

    public DocReader(ReaderLimits limits)
    {
        _limits = limits;
        _antiword = ExternalProgram.Find("antiword", string.IsNullOrWhiteSpace(limits.ProgramsPath) ? null : limits.ProgramsPath);
    }

    public SourceFormat Format => SourceFormat.Doc;

    public bool Available => _antiword is not null;

    public SourceExtraction Read(SourceInput input, CancellationToken cancellationToken)
    {
        if (_antiword is null)
        {
            return Refuse(SourceState.Unsupported, "a Word 97–2003 document (.doc): antiword is not installed (apt-get install antiword)");
        }

        var folder = Directory.CreateTempSubdirectory("searchservice-doc-").FullName;
        try
        {
            var path = Path.Combine(folder, "source.doc");
            File.WriteAllBytes(path, input.Bytes);
            var run = ExternalProgram.Run(_antiword, ["-m", "UTF-8.txt", "-w", "0", path], TimeSpan.FromSeconds(_limits.ProcessSeconds), cancellationToken);
            if (run.TimedOut)
            {
                return Refuse(SourceState.Error, $"antiword took over {_limits.ProcessSeconds} s (Archive:Readers:ProcessSeconds)");
            }

            var message = run.Errors.Trim();
            if (message.Contains("encrypted", StringComparison.OrdinalIgnoreCase))
            {
                return Refuse(SourceState.Encrypted, "the Word document is password-protected");
            }

            if (run.ExitCode != 0 || run.Output.Trim().Length == 0)
            {
                return Refuse(SourceState.Error, $"antiword could not read it: {(message.Length > 0 ? message.Split('\n')[0] : "no text")}");
            }

            var body = SourceText.Clean(run.Output).Trim();
            if (body.Length > _limits.MaxTextChars)
            {
                return Refuse(SourceState.Error, $"the document's text is over the {_limits.MaxTextChars:N0}-character limit (Archive:Readers:MaxTextChars)");
            }

            var (repaired, legacy) = LegacyVietnamese.Repair(body);
            body = repaired;
            var title = TitleGuess.FromBody(body);
            var document = new SourceDocument(DocumentIds.FromPath(input.RelativePath), title, body, "", null, null, "", input.RelativePath);
            var status = legacy is null
                ? new SourceStatus(SourceState.Ok, Format: "doc")
                : new SourceStatus(SourceState.LegacyEncoding, "", LegacyVietnamese.Name(legacy.Value), Format: "doc");
            return new SourceExtraction(document, status);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static SourceExtraction Refuse(SourceState state, string reason) => SourceExtraction.Refused(new SourceStatus(state, reason, Format: "doc"));
}
