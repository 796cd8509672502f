using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Analysis;
using SearchService.Core.Errors;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Text;

namespace SearchService.Core.Search.Planning;

/// <summary>
/// The one way from query text to Lucene queries, for the server, searchctl (through the server) and the
/// evaluation. It reads the user syntax, turns words into units (words, symbols, abbreviations, Telex/VNI
/// words, references by name), and plans two searches: every word required first, then, when that gives too little,
/// a relaxed search in which each word is a tier (a document matching more words always ranks above one
/// matching fewer) and words one edit away count as the word.
/// </summary>
public sealed class QueryPlanner
{
    public const int MaxQueryLength = 1000;
    public const int MaxQueryParts = 32;

    /// <summary>Most words of one query that get typo corrections (the rest are matched as typed).</summary>
    public const int MaxCorrectedWords = 16;

    /// <summary>Most corrections of one word.</summary>
    public const int MaxCorrectionsPerWord = 2;

    /// <summary>Most words a reference by name spans ("chỉ thị số 05 của Bộ Chính trị").</summary>
    private const int MaxReferenceWords = 8;

    /// <summary>What citing a reference named in the query adds to a document's score: it ranks first.</summary>
    private const float ReferenceWeight = 100f;

    private readonly QueryUnitReader _reader;

    /// <summary>A planner reading queries with the index's analyzer.</summary>
    public QueryPlanner(Analyzer analyzer)
    {
        _reader = new QueryUnitReader(analyzer, AnalysisResources.Abbreviations, AnalysisResources.Stopwords);
    }

    /// <summary>Checks the limits of the query text; the parts of a valid query.</summary>
    /// <exception cref="InvalidRequestException">The query is too long or has too many parts.</exception>
    public static UserQuery Validate(string text)
    {
        if (text.Length > MaxQueryLength)
        {
            throw new InvalidRequestException("query", $"is {text.Length} characters long; at most {MaxQueryLength} are accepted");
        }

        var parsed = UserQueryParser.Parse(text);
        if (parsed.Parts.Count > MaxQueryParts)
        {
            throw new InvalidRequestException("query", $"has {parsed.Parts.Count} phrases and exclusions; at most {MaxQueryParts} are accepted");
        }

        return parsed;
    }

    /// <summary>The plan of a query over one index reader.</summary>
    /// <exception cref="InvalidRequestException">The query is invalid or holds no searchable word.</exception>
    public QueryPlan Plan(string text, IndexReader reader)
    {
        var parsed = Validate(text);
        if (parsed.IsEmpty)
        {
            return QueryPlan.MatchAll;
        }

        var vocabulary = IndexVocabulary.Of(reader);
        var catalog = new ReferenceCatalog(reader);
        var words = new List<PlannedUnit>();
        var musts = new List<Query>();
        var mustNots = new List<Query>();
        var positives = 0;
        foreach (var part in parsed.Parts)
        {
            positives += part.IsExcluded ? 0 : 1;
            if (!part.IsPhrase && !part.IsExcluded)
            {
                words.AddRange(ReadWords(part.Text, catalog));
                continue;
            }

            var units = _reader.Read(part.Text);
            if (units.Count == 0)
            {
                continue;
            }

            var query = part.IsPhrase ? UnitQueries.Phrase(units)! : AllOf(units.Select(u => UnitQueries.Unit(u)));
            (part.IsExcluded ? mustNots : musts).Add(query);
        }

        if (positives > 0 && words.Count == 0 && musts.Count == 0)
        {
            throw new InvalidRequestException("query", $"'{Clip(text)}' contains no searchable word");
        }

        return new QueryPlan(words, musts, mustNots, vocabulary);
    }

    // The free words: references by name where they stand, the rest read into units.
    private List<PlannedUnit> ReadWords(string text, ReferenceCatalog catalog)
    {
        var planned = new List<PlannedUnit>();
        var raw = SplitWords(text);
        var pending = new List<(int Start, int End)>();
        var i = 0;
        while (i < raw.Count)
        {
            if (FindReference(text, raw, i, catalog) is { } found)
            {
                Flush();
                var span = text[raw[i].Start..raw[i + found.Words - 1].End];
                var spanUnits = _reader.Read(span);
                planned.Add(PlannedUnit.ForReference(span, found.Keys, ReferenceQuery(found.Keys, spanUnits)));
                i += found.Words;
                continue;
            }

            pending.Add(raw[i]);
            i++;
        }

        Flush();
        return planned;

        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var segment = text[pending[0].Start..pending[^1].End];
            foreach (var unit in _reader.Read(segment))
            {
                planned.Add(PlannedUnit.ForWord(unit));
            }

            pending.Clear();
        }
    }

    private static (int Words, IReadOnlyList<string> Keys)? FindReference(string text, List<(int Start, int End)> raw, int start, ReferenceCatalog catalog)
    {
        for (var length = Math.Min(MaxReferenceWords, raw.Count - start); length >= 1; length--)
        {
            var span = text[raw[start].Start..raw[start + length - 1].End];
            if (length == 1 && !(span.Any(char.IsDigit) && span.Any(char.IsLetter)))
            {
                continue;
            }

            if (ReferenceParser.TryParse(span, out var reference, out _) && reference is not null)
            {
                var keys = catalog.Keys.Where(reference.Matches).ToList();
                if (keys.Count > 0)
                {
                    return (length, keys);
                }
            }
        }

        return null;
    }

    // Citing one of the keys ranks first; the words of the reference still match reports the extractor missed.
    private static Query ReferenceQuery(IReadOnlyList<string> keys, List<QueryUnit> spanUnits)
    {
        var cites = new BooleanQuery(disableCoord: true);
        foreach (var key in keys.Take(BooleanQuery.MaxClauseCount / 4))
        {
            cites.Add(new TermQuery(new Term(IndexFields.Reference, key)), Occur.SHOULD);
        }

        var either = new BooleanQuery(disableCoord: true)
        {
            { new ConstantScoreQuery(cites) { Boost = ReferenceWeight }, Occur.SHOULD },
        };
        if (spanUnits.Count > 0)
        {
            either.Add(AllOf(spanUnits.Select(u => UnitQueries.Unit(u))), Occur.SHOULD);
        }

        return either;
    }

    private static BooleanQuery AllOf(IEnumerable<Query> queries)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var query in queries)
        {
            all.Add(query, Occur.MUST);
        }

        return all;
    }

    private static List<(int Start, int End)> SplitWords(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add((start, i));
            }
        }

        return words;
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
