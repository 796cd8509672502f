using SearchService.Core.Errors;

namespace SearchService.Core.Citations;

/// <summary>The API names of the citation styles.</summary>
public static class CitationStyles
{
    /// <summary>The names a request may give, in the order the API documents them.</summary>
    public static readonly IReadOnlyList<string> Names = ["text", "markdown", "csl_json", "bibtex"];

    /// <summary>"text" (also the default for an empty name), "markdown", "csl_json" or "bibtex".</summary>
    /// <exception cref="InvalidRequestException">Any other name, with the field "style".</exception>
    public static CitationStyle Parse(string? name) => (name ?? "").Trim() switch
    {
        "" or "text" => CitationStyle.Text,
        "markdown" => CitationStyle.Markdown,
        "csl_json" => CitationStyle.CslJson,
        "bibtex" => CitationStyle.Bibtex,
        var other => throw new InvalidRequestException("style", $"must be one of {string.Join(", ", Names)}, not '{Clip(other)}'"),
    };

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
