using System.Text.Json.Serialization;

namespace SearchService.Cli.Tests;

/// <summary>The CSL-JSON fields the tests read, as a typed model (what a reference manager expects).</summary>
internal sealed record CslItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("container-title")] string? ContainerTitle,
    [property: JsonPropertyName("issued")] CslDate? Issued,
    [property: JsonPropertyName("accessed")] CslDate? Accessed,
    [property: JsonPropertyName("URL")] string? Url,
    [property: JsonPropertyName("note")] string? Note);

internal sealed record CslDate([property: JsonPropertyName("date-parts")] int[][]? DateParts);
