namespace SearchService.Core.Documents;

/// <summary>
/// A report as read from the archive, before metadata extraction. Text is Unicode NFC with "\n" line
/// ends; every offset the service hands out points into it.
/// </summary>
/// <param name="Id">Archive-relative path without extension ("long-bien/cu-khoi-2018-01"), or a JSON Lines id.</param>
/// <param name="Category">The portal section line, or the JSON Lines category; empty when absent.</param>
/// <param name="PublishedAt">Publication instant (portal times are Hanoi local time, UTC+7); null when unknown.</param>
/// <param name="ViewCount">Views shown by the portal; null when absent.</param>
/// <param name="SourcePath">Archive-relative path of the file, with extension, "/"-separated.</param>
/// <param name="Ward">Ward given by the source itself (JSON Lines), else empty: extraction fills it.</param>
/// <param name="District">District given by the source itself, else empty.</param>
/// <param name="SourceLine">Line of a streamed JSON Lines file the document came from, from 1; 0 otherwise.</param>
public sealed record SourceDocument(
    string Id,
    string Title,
    string Text,
    string Category,
    DateTimeOffset? PublishedAt,
    long? ViewCount,
    string Url,
    string SourcePath,
    string Ward = "",
    string District = "",
    string Source = "",
    int SourceLine = 0);
