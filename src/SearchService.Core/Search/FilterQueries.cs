using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Errors;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Search;

namespace SearchService.Core.Search;

/// <summary>
/// Turns an API filter into one Lucene query per filtered field (so a facet can drop its own), with
/// typed references resolved to the keys the index holds.
/// </summary>
internal static class FilterQueries
{
    public const int MaxValues = 100;

    public static Dictionary<string, Query> Build(SearchFilter? filter, ReferenceCatalog catalog)
    {
        var result = new Dictionary<string, Query>(StringComparer.Ordinal);
        if (filter is null)
        {
            return result;
        }

        AddTerms(result, "ward", IndexFields.WardKey, filter.Wards, "filter.wards");
        AddTerms(result, "district", IndexFields.DistrictKey, filter.Districts, "filter.districts");
        AddTerms(result, "topic", IndexFields.TopicKey, filter.Topics, "filter.topics");
        AddReferences(result, filter.References, catalog);
        AddYears(result, filter);
        return result;
    }

    /// <summary>The main query restricted by the filters, which never change its scores.</summary>
    public static Query Combine(Query? text, IEnumerable<Query> filters)
    {
        var filterList = filters.ToList();
        var main = text ?? new MatchAllDocsQuery();
        if (filterList.Count == 0)
        {
            return main;
        }

        var all = new BooleanQuery();
        foreach (var filter in filterList)
        {
            all.Add(filter, Occur.MUST);
        }

        return new FilteredQuery(main, new QueryWrapperFilter(all));
    }

    /// <summary>A canonical string of a filter for page-token fingerprints.</summary>
    public static string Fingerprint(SearchFilter? filter)
    {
        if (filter is null)
        {
            return "";
        }

        static string Join<T>(IEnumerable<T> values) => string.Join('\u001E', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        return string.Join('\u001D', Join(filter.Wards), Join(filter.Districts), Join(filter.Years), Join(filter.Topics),
            Join(filter.References), filter.YearFrom?.ToString(CultureInfo.InvariantCulture) ?? "", filter.YearTo?.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    private static void AddTerms(Dictionary<string, Query> result, string facet, string field, IReadOnlyList<string> values, string name)
    {
        CheckCount(values.Count, name);
        var any = new BooleanQuery();
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
            {
                throw new InvalidRequestException(name, "values must be non-empty and at most 200 characters");
            }

            any.Add(new TermQuery(new Term(field, DocumentMapper.FilterKey(value))), Occur.SHOULD);
        }

        if (any.Clauses.Count > 0)
        {
            result[facet] = any;
        }
    }

    private static void AddReferences(Dictionary<string, Query> result, IReadOnlyList<string> references, ReferenceCatalog catalog)
    {
        CheckCount(references.Count, "filter.references");
        if (references.Count == 0)
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            keys.UnionWith(catalog.Resolve(reference, "filter.references").Keys);
        }

        // A reference the archive never cites matches nothing: an empty answer, not an error.
        var any = new BooleanQuery();
        foreach (var key in keys)
        {
            any.Add(new TermQuery(new Term(IndexFields.Reference, key)), Occur.SHOULD);
        }

        result["reference"] = any.Clauses.Count > 0 ? any : new TermQuery(new Term(IndexFields.Reference, "\u0000none"));
    }

    private static void AddYears(Dictionary<string, Query> result, SearchFilter filter)
    {
        CheckCount(filter.Years.Count, "filter.years");
        var yearQuery = new BooleanQuery();
        var anyYear = new BooleanQuery();
        foreach (var year in filter.Years.Distinct())
        {
            CheckYear(year, "filter.years");
            anyYear.Add(new TermQuery(new Term(IndexFields.Year, year.ToString(CultureInfo.InvariantCulture))), Occur.SHOULD);
        }

        if (anyYear.Clauses.Count > 0)
        {
            yearQuery.Add(anyYear, Occur.MUST);
        }

        if (filter.YearFrom is not null || filter.YearTo is not null)
        {
            if (filter.YearFrom is { } from)
            {
                CheckYear(from, "filter.year_from");
            }

            if (filter.YearTo is { } to)
            {
                CheckYear(to, "filter.year_to");
            }

            if (filter.YearFrom > filter.YearTo)
            {
                throw new InvalidRequestException("filter.year_from", $"{filter.YearFrom} is after filter.year_to {filter.YearTo}");
            }

            yearQuery.Add(
                TermRangeQuery.NewStringRange(
                    IndexFields.Year,
                    filter.YearFrom?.ToString(CultureInfo.InvariantCulture),
                    filter.YearTo?.ToString(CultureInfo.InvariantCulture),
                    includeLower: true,
                    includeUpper: true),
                Occur.MUST);
        }

        if (yearQuery.Clauses.Count > 0)
        {
            result["year"] = yearQuery;
        }
    }

    private static void CheckYear(int year, string field)
    {
        if (year is < 1900 or > 2100)
        {
            throw new InvalidRequestException(field, $"{year} is not a year between 1900 and 2100");
        }
    }

    private static void CheckCount(int count, string field)
    {
        if (count > MaxValues)
        {
            throw new InvalidRequestException(field, $"has {count} values; at most {MaxValues} are accepted");
        }
    }
}
