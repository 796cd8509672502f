namespace SearchService.Core.Archive;

/// <summary>A source that cannot be read as a report; the message is the reason shown to operators.</summary>
public sealed class ArchiveFormatException(string reason) : Exception(reason);
