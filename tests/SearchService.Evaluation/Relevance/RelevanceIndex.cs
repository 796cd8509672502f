using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SearchService.Core.Analysis;

namespace SearchService.Evaluation.Relevance;

/// <summary>
/// An in-memory index of the sample archive built as the service's indexer does: title and text into every
/// field of <see cref="AnalyzedFields"/>, the id as a StringField, BM25.
/// </summary>
internal sealed class RelevanceIndex : IDisposable
{
    private const string IdField = "id";

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    private RelevanceIndex(RAMDirectory directory)
    {
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Indexes title and text into their fields, plus the dictionary-word fields for the variant that uses them.</summary>
    public static RelevanceIndex Build(IEnumerable<ArchiveDocument> documents, Analyzer analyzer)
    {
        string[] titleFields = [.. AnalyzedFields.TitleFields, AnalyzedFields.TitleWords];
        string[] textFields = [.. AnalyzedFields.TextFields, AnalyzedFields.TextWords];
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(VietnameseAnalyzers.Version, analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var document in documents)
            {
                var fields = new Document { new StringField(IdField, document.Id, Field.Store.YES) };
                foreach (var field in titleFields)
                {
                    fields.Add(new TextField(field, document.Title, field == AnalyzedFields.Title ? Field.Store.YES : Field.Store.NO));
                }

                foreach (var field in textFields)
                {
                    fields.Add(new TextField(field, document.Text, field == AnalyzedFields.Text ? Field.Store.YES : Field.Store.NO));
                }

                writer.AddDocument(fields);
            }
        }

        return new RelevanceIndex(directory);
    }

    /// <summary>The ids of the best <paramref name="count"/> reports for a query in the user syntax.</summary>
    public IReadOnlyList<string> Search(TextQueryFactory factory, string userQuery, int count = 10)
    {
        var query = ToLucene(factory, UserQuery.Parse(userQuery));
        if (query is null)
        {
            return [];
        }

        return _searcher.Search(query, count).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get(IdField)).ToList();
    }

    /// <summary>Why each of the best reports scored as it did (for tuning by hand).</summary>
    public IEnumerable<string> Explain(TextQueryFactory factory, string userQuery, int count = 3)
    {
        var query = ToLucene(factory, UserQuery.Parse(userQuery));
        if (query is null)
        {
            yield break;
        }

        yield return query.ToString();
        foreach (var hit in _searcher.Search(query, count).ScoreDocs)
        {
            yield return _searcher.Doc(hit.Doc).Get(IdField) + ": " + _searcher.Explain(query, hit.Doc);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static Query? ToLucene(TextQueryFactory factory, UserQuery parsed)
    {
        var query = new BooleanQuery();
        var positive = false;
        foreach (var run in parsed.WordRuns)
        {
            if (factory.Words(run) is { } words)
            {
                query.Add(words, Occur.MUST);
                positive = true;
            }
        }

        foreach (var phrase in parsed.Phrases)
        {
            if (factory.Phrase(phrase) is { } clause)
            {
                query.Add(clause, Occur.MUST);
                positive = true;
            }
        }

        foreach (var word in parsed.ExcludedWords)
        {
            if (factory.Words(word) is { } clause)
            {
                query.Add(clause, Occur.MUST_NOT);
            }
        }

        foreach (var phrase in parsed.ExcludedPhrases)
        {
            if (factory.Phrase(phrase) is { } clause)
            {
                query.Add(clause, Occur.MUST_NOT);
            }
        }

        if (!positive)
        {
            if (query.Clauses.Count == 0)
            {
                return null;
            }

            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return query;
    }
}
