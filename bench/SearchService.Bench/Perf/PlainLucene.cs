using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Search;

namespace SearchService.Bench.Perf;

/// <summary>
/// The baseline: plain Lucene.Net with StandardAnalyzer's chain and an ASCIIFoldingFilter, fields
/// id/title/text only, no extraction and no facets, the service's IndexWriter RAM buffer, the same
/// parallelism as the service's sync and one commit.
/// </summary>
internal static class PlainLucene
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Indexes every JSON line of <paramref name="jsonl"/> into a new index; returns the document count.</summary>
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
            RAMBufferSizeMB = new SearchService.Core.Indexing.IndexOptions().RamBufferMb,
        };
        using var writer = new IndexWriter(directory, config);
        var count = 0;
        Parallel.ForEach(File.ReadLines(jsonl), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var id = root.GetProperty("id").GetString() ?? "";
            var document = new Document
            {
                new StringField("id", id, Field.Store.YES),
                new TextField("title", root.GetProperty("title").GetString() ?? "", Field.Store.YES),
                new TextField("text", root.GetProperty("text").GetString() ?? "", Field.Store.YES),
            };
            writer.UpdateDocument(new Term("id", id), document);
            Interlocked.Increment(ref count);
        });
        writer.Commit();
        return count;
    }

    /// <summary>Segments of the plain index's last commit.</summary>
    public static int SegmentCount(string indexPath)
    {
        using var directory = FSDirectory.Open(indexPath);
        using var reader = DirectoryReader.Open(directory);
        return reader.Leaves.Count;
    }

    /// <summary>StandardAnalyzer (standard tokenizer, lower case, English stop words), then ASCII folding.</summary>
    internal sealed class FoldingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new StandardFilter(Version, tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            stream = new StopFilter(Version, stream, StandardAnalyzer.STOP_WORDS_SET);
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(stream));
        }
    }

    /// <summary>A searcher over a plain index, for the query baseline.</summary>
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
            _searcher = new IndexSearcher(_reader);
        }

        public int DocumentCount => _reader.NumDocs;

        /// <summary>
        /// The same user text through the classic QueryParser: every part escaped, words and phrases
        /// required (as the service requires them), exclusions prohibited; the top 10 with their stored fields.
        /// </summary>
        public int Search(string text)
        {
            var parser = new QueryParser(Version, "text", _analyzer) { DefaultOperator = Operator.AND };
            var parts = UserQueryParser.Parse(text).Parts.Select(p =>
                (p.IsExcluded ? "-" : "+") + (p.IsPhrase ? $"\"{QueryParserBase.Escape(p.Text)}\"" : $"({QueryParserBase.Escape(p.Text)})"));
            var query = parser.Parse(string.Join(' ', parts));
            var top = _searcher.Search(query, 10);
            foreach (var hit in top.ScoreDocs)
            {
                _searcher.Doc(hit.Doc);
            }

            return top.TotalHits;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
            _analyzer.Dispose();
        }
    }
}
