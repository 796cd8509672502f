using Lucene.Net.Search;

namespace SearchService.Core.Search.Planning;

/// <summary>One unit of the free words: a word (or abbreviation, symbol, Telex word), or a reference by name.</summary>
internal sealed record PlannedUnit(string Typed, QueryUnit? Unit, Query Match, IReadOnlyList<string> ReferenceKeys)
{
    public bool Stopword => Unit?.Stopword ?? false;

    public static PlannedUnit ForWord(QueryUnit unit) => new(unit.Typed, unit, UnitQueries.Unit(unit), []);

    public static PlannedUnit ForReference(string typed, IReadOnlyList<string> keys, Query match) => new(typed, null, match, keys);
}
