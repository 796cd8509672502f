using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Errors;
using SearchService.Core.Indexing;

namespace SearchService.Core.Mentions.Search;

/// <summary>The mention keys one index reader holds, and typed references resolved against them.</summary>
internal sealed class ReferenceCatalog
{
    // A reader never changes: its keys are read once, on the first request that needs them, and
    // forgotten with the reader when a commit replaces it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndexReader, List<string>> KeysByReader = new();

    private readonly IndexReader _reader;

    public ReferenceCatalog(IndexReader reader) => _reader = reader;

    /// <summary>Every key cited by a live document, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => KeysByReader.GetValue(_reader, LoadKeys);

    /// <summary>
    /// The keys a typed reference names that the archive cites. An open reference ("Directive 05")
    /// gives every key it fits; a reference the archive never cites gives none.
    /// </summary>
    /// <exception cref="InvalidRequestException">The text cannot be read as a document reference.</exception>
    public (DocumentReference Reference, IReadOnlyList<string> Keys) Resolve(string typed, string field)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            throw new InvalidRequestException(field, "is empty; give a document reference such as \"Chỉ thị 05-CT/TW\" or \"Directive 05\"");
        }

        if (typed.Length > 200)
        {
            throw new InvalidRequestException(field, "is longer than 200 characters");
        }

        if (!ReferenceParser.TryParse(typed, out var reference, out var error) || reference is null)
        {
            throw new InvalidRequestException(field, error);
        }

        return (reference, Keys.Where(reference.Matches).ToList());
    }

    private static List<string> LoadKeys(IndexReader reader)
    {
        var keys = new List<string>();
        var terms = MultiFields.GetTerms(reader, IndexFields.Reference);
        if (terms is null)
        {
            return keys;
        }

        var liveDocs = MultiFields.GetLiveDocs(reader);
        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (termsEnum.MoveNext())
        {
            // Deleted documents leave their terms behind until merged away: keep keys with a live document.
            docs = termsEnum.Docs(liveDocs, docs, DocsFlags.NONE);
            if (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                keys.Add(termsEnum.Term.Utf8ToString());
            }
        }

        return keys;
    }
}
