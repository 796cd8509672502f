namespace SearchService.Core.Search;

/// <summary>A query in the user syntax, split into its parts. Parsing never fails.</summary>
public sealed record UserQuery(IReadOnlyList<QueryPart> Parts)
{
    public bool IsEmpty => Parts.Count == 0;
}

/// <summary>A run of free words, or a quoted phrase; either may be excluded with a leading '-'.</summary>
public sealed record QueryPart(string Text, bool IsPhrase, bool IsExcluded);
