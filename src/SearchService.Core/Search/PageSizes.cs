using SearchService.Core.Errors;

namespace SearchService.Core.Search;

/// <summary>The one rule for page sizes: unset means the default; 1..max is taken; anything else is refused.</summary>
internal static class PageSizes
{
    public static int Validate(int? pageSize, int defaultSize, int max) => pageSize switch
    {
        null => defaultSize,
        > 0 when pageSize <= max => pageSize.Value,
        _ => throw new InvalidRequestException("page_size", $"must be between 1 and {max} (leave it unset for {defaultSize}), not {pageSize}"),
    };
}
