using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace SearchService.Tests.Shared.KnownItem;

/// <summary>
/// The plain baseline for known-item queries: Lucene.Net with StandardTokenizer → StandardFilter →
/// LowerCaseFilter → ASCIIFoldingFilter (which also maps đ → d), BM25, fields title and text; a query
/// is every analysed token as an optional TermQuery on title and on text (OR), built in code. No
/// Unicode normalisation on either side, as a plain set-up would have.
/// </summary>
internal static class FoldedPlainLucene
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Indexes every JSON line of <paramref name="jsonl"/> into a new index on one thread (a stable document order); returns the count.</summary>
    public static int Build(string jsonl, string indexPath)
    {
        if (System.IO.Directory.Exists(indexPath))
        {
            System.IO.Directory.Delete(indexPath, recursive: true);
        }

        using var directory = FSDirectory.Open(indexPath);
        using var analyzer = new FoldingAnalyzer();
        var config = new IndexWriterConfig(Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        var count = 0;
        foreach (var line in File.ReadLines(jsonl))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            writer.AddDocument(new Document
            {
                new StringField("id", root.GetProperty("id").GetString() ?? "", Field.Store.YES),
                new TextField("title", root.GetProperty("title").GetString() ?? "", Field.Store.YES),
                new TextField("text", root.GetProperty("text").GetString() ?? "", Field.Store.YES),
            });
            count++;
        }

        writer.Commit();
        return count;
    }

    /// <summary>A searcher over a folded plain index.</summary>
    internal sealed class Searcher : IDisposable
    {
        private readonly FSDirectory _directory;
        private readonly DirectoryReader _reader;
        private readonly FoldingAnalyzer _analyzer = new();
        private readonly IndexSearcher _searcher;

        public Searcher(string indexPath)
        {
            _directory = FSDirectory.Open(indexPath);
            _reader = DirectoryReader.Open(_directory);
            _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        }

        public int DocumentCount => _reader.NumDocs;

        /// <summary>The ids of the top <paramref name="count"/> (their stored documents are loaded, as a service would).</summary>
        public List<string> Search(string text, int count = 10)
        {
            var query = new BooleanQuery();
            using (var stream = _analyzer.GetTokenStream("text", text))
            {
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken() && query.Clauses.Count < BooleanQuery.MaxClauseCount - 1)
                {
                    var token = term.ToString();
                    query.Add(new TermQuery(new Term("title", token)), Occur.SHOULD);
                    query.Add(new TermQuery(new Term("text", token)), Occur.SHOULD);
                }

                stream.End();
            }

            var ids = new List<string>();
            if (query.Clauses.Count == 0)
            {
                return ids;
            }

            foreach (var hit in _searcher.Search(query, count).ScoreDocs)
            {
                ids.Add(_searcher.Doc(hit.Doc).Get("id"));
            }

            return ids;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
            _analyzer.Dispose();
        }
    }

    /// <summary>StandardTokenizer → StandardFilter → LowerCaseFilter → ASCIIFoldingFilter.</summary>
    private sealed class FoldingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream chain = new StandardFilter(Version, source);
            chain = new LowerCaseFilter(Version, chain);
            chain = new ASCIIFoldingFilter(chain);
            return new TokenStreamComponents(source, chain);
        }
    }
}
