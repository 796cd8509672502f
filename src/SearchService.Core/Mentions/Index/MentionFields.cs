using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace SearchService.Core.Mentions.Index;

/// <summary>
/// How a document's mentions are kept in the index: the keys as terms (which documents cite a key) and as
/// facet values, the mentions per key and per key and action as doc values (<see cref="MentionCounts"/>: how
/// often, summed without stored fields), the number of mentions, and the mentions themselves as stored JSON.
/// </summary>
internal static class MentionFields
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write(LuceneDocument doc, IReadOnlyList<Mention> mentions)
    {
        foreach (var group in mentions.GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            doc.Add(new StringField(IndexFields.Reference, group.Key, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(IndexFields.ReferenceFacet, new BytesRef(group.Key)));
            doc.Add(new SortedSetDocValuesField(IndexFields.ReferenceCounts, new BytesRef(MentionCounts.Encode(group.Key, group.Count()))));
            foreach (var action in group.GroupBy(m => m.Action, StringComparer.Ordinal))
            {
                doc.Add(new SortedSetDocValuesField(IndexFields.ReferenceActions,
                    new BytesRef(MentionCounts.Encode(MentionCounts.WithAction(group.Key, action.Key), action.Count()))));
            }
        }

        doc.Add(new NumericDocValuesField(IndexFields.MentionCount, mentions.Count));
        if (mentions.Count > 0)
        {
            doc.Add(new StoredField(IndexFields.Mentions, JsonSerializer.Serialize(mentions, Json)));
        }
    }

    /// <summary>The stored mentions of a document read back, in document order; none when it has none.</summary>
    public static IReadOnlyList<Mention> Read(LuceneDocument doc)
    {
        var json = doc.Get(IndexFields.Mentions);
        return json is null ? [] : JsonSerializer.Deserialize<Mention[]>(json, Json) ?? [];
    }
}
