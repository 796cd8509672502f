using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Analysis;
using SearchService.Core.Documents;
using SearchService.Core.Mentions.Index;
using SearchService.Core.Metadata;
using SearchService.Core.Text;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace SearchService.Core.Indexing;

/// <summary>Maps an <see cref="IndexedDocument"/> to Lucene fields and stored fields back.</summary>
internal static class DocumentMapper
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static LuceneDocument ToLucene(IndexedDocument document)
    {
        var source = document.Source;
        var doc = new LuceneDocument
        {
            new StringField(IndexFields.Id, source.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFields.IdSort, new BytesRef(source.Id)),
            new StringField(IndexFields.SourcePath, source.SourcePath, Field.Store.YES),
            new StoredField(IndexFields.ContentHash, document.ContentHash),
        };

        if (source.SourceLine > 0)
        {
            doc.Add(new NumericDocValuesField(IndexFields.SourceLine, source.SourceLine));
        }

        AddText(doc, AnalyzedFields.TitleFields, source.Title);
        AddText(doc, AnalyzedFields.TextFields, source.Text);
        AddStoredIfAny(doc, IndexFields.Category, source.Category);
        AddStoredIfAny(doc, IndexFields.Url, source.Url);
        AddStoredIfAny(doc, IndexFields.Source, source.Source);
        if (source.ViewCount is { } views)
        {
            doc.Add(new StoredField(IndexFields.ViewCount, views));
        }

        if (source.PublishedAt is { } published)
        {
            var millis = published.ToUnixTimeMilliseconds();
            doc.Add(new StoredField(IndexFields.Published, millis));
            doc.Add(new NumericDocValuesField(IndexFields.Published, millis));
        }

        if (document.Year is { } year)
        {
            var text = year.ToString(CultureInfo.InvariantCulture);
            doc.Add(new StringField(IndexFields.Year, text, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(IndexFields.YearFacet, new BytesRef(text)));
        }

        foreach (var periodYear in document.PeriodYears.Distinct())
        {
            doc.Add(new StringField(IndexFields.PeriodYear, periodYear.ToString(CultureInfo.InvariantCulture), Field.Store.YES));
        }

        AddKeyed(doc, IndexFields.Ward, IndexFields.WardKey, IndexFields.WardFacet, document.Ward);
        AddKeyed(doc, IndexFields.District, IndexFields.DistrictKey, IndexFields.DistrictFacet, document.District);
        foreach (var topic in document.Topics)
        {
            AddKeyed(doc, IndexFields.Topic, IndexFields.TopicKey, IndexFields.TopicFacet, topic.Topic);
        }

        if (document.Topics.Count > 0)
        {
            doc.Add(new StoredField(IndexFields.TopicEvidence, JsonSerializer.Serialize(document.Topics, Json)));
        }

        MentionFields.Write(doc, document.Mentions);
        return doc;
    }

    /// <summary>
    /// The stored fields of a search result: everything but the mentions and the topic evidence, JSON that a
    /// result does not show and that cost more to read than the rest of the document (GetDocument reads them).
    /// </summary>
    public static LuceneDocument SummaryOf(IndexSearcher searcher, int doc)
    {
        var visitor = new SummaryVisitor();
        searcher.Doc(doc, visitor);
        return visitor.Document;
    }

    public static StoredDocument FromLucene(LuceneDocument doc)
    {
        var publishedField = doc.GetField(IndexFields.Published);
        var published = publishedField?.GetInt64Value() is { } millis
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis).ToOffset(HanoiTime.Offset)
            : (DateTimeOffset?)null;
        var views = doc.GetField(IndexFields.ViewCount)?.GetInt64Value();
        var topicsJson = doc.Get(IndexFields.TopicEvidence);
        return new StoredDocument(
            Id: doc.Get(IndexFields.Id),
            Title: doc.Get(AnalyzedFields.Title) ?? "",
            Text: doc.Get(AnalyzedFields.Text) ?? "",
            Category: doc.Get(IndexFields.Category) ?? "",
            Url: doc.Get(IndexFields.Url) ?? "",
            SourcePath: doc.Get(IndexFields.SourcePath) ?? "",
            ContentHash: doc.Get(IndexFields.ContentHash) ?? "",
            PublishedAt: published,
            ViewCount: views,
            Ward: doc.Get(IndexFields.Ward) ?? "",
            District: doc.Get(IndexFields.District) ?? "",
            Topics: doc.GetValues(IndexFields.Topic),
            PeriodYears: doc.GetValues(IndexFields.PeriodYear).Select(y => int.Parse(y, CultureInfo.InvariantCulture)).Order().ToArray(),
            TopicEvidence: topicsJson is null ? [] : JsonSerializer.Deserialize<TopicAssignment[]>(topicsJson, Json) ?? [],
            Mentions: MentionFields.Read(doc));
    }

    /// <summary>The folded key that filters compare: "Cự Khối", "cu khoi" and "Cự Khối" in NFD meet.</summary>
    public static string FilterKey(string value) => VietnameseText.Key(value.Trim());

    // Pairs are looked up as single terms, never in phrases: no positions to write.
    private static readonly FieldType PairsFieldType = CreatePairsFieldType();

    // The folded body text keeps the offsets of its words: snippets read where a hit's words are from its postings
    // (PostingsMatches) instead of analysing its text again.
    private static readonly FieldType OffsetsFieldType = CreateOffsetsFieldType();

    /// <summary>The exact field stores the value; every form is indexed from one analysis of it.</summary>
    private static void AddText(LuceneDocument doc, IReadOnlyList<string> fields, string value)
    {
        var analyzed = AnalyzedText.Of(value);
        doc.Add(new StoredField(fields[0], value));
        foreach (var field in fields)
        {
            var form = AnalyzedFields.FormOf(field);
            doc.Add(form == VietnameseForm.Pairs ? new Field(field, analyzed.Stream(form), PairsFieldType)
                : field == AnalyzedFields.TextFolded ? new Field(field, analyzed.Stream(form), OffsetsFieldType)
                : new TextField(field, analyzed.Stream(form)));
        }
    }

    private static FieldType CreateOffsetsFieldType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS };
        type.Freeze();
        return type;
    }

    private static FieldType CreatePairsFieldType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS };
        type.Freeze();
        return type;
    }

    private sealed class SummaryVisitor : DocumentStoredFieldVisitor
    {
        public override Status NeedsField(FieldInfo fieldInfo)
            => fieldInfo.Name is IndexFields.Mentions or IndexFields.TopicEvidence ? Status.NO : Status.YES;
    }

    private static void AddKeyed(LuceneDocument doc, string display, string key, string facet, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        doc.Add(new StringField(display, value, Field.Store.YES));
        doc.Add(new StringField(key, FilterKey(value), Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(facet, new BytesRef(value)));
    }

    private static void AddStoredIfAny(LuceneDocument doc, string field, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            doc.Add(new StoredField(field, value));
        }
    }
}
