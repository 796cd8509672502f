using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SearchService.Core.Documents;
using SearchService.Core.Text;

namespace SearchService.Core.Citations;

/// <summary>
/// Citation keys for BibTeX and CSL-JSON: the ward (else district) slug, the publication year and a
/// short hash of the document id ("cu-khoi-2019-3fa2c1"). The same document always gets the same key.
/// </summary>
internal static class CitationKeys
{
    private const int HashLength = 6;

    public static string For(StoredDocument document) => $"{Prefix(document)}-{Hash(document.Id)[..HashLength]}";

    /// <summary>Keys for a list of documents with distinct ids, unique within the list.</summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<StoredDocument> documents)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>(documents.Count);
        foreach (var document in documents)
        {
            var prefix = Prefix(document);
            var hash = Hash(document.Id);
            var length = HashLength;
            var key = $"{prefix}-{hash[..length]}";
            // Two ids whose hashes share the first digits: lengthen the hash until the key is free.
            while (!used.Add(key))
            {
                length = Math.Min(length + 2, hash.Length);
                key = length < hash.Length ? $"{prefix}-{hash[..length]}" : $"{prefix}-{hash}-{keys.Count}";
            }

            keys.Add(key);
        }

        return keys;
    }

    private static string Prefix(StoredDocument document)
    {
        var place = Slug(document.Ward.Length > 0 ? document.Ward : document.District);
        var year = document.Year?.ToString(CultureInfo.InvariantCulture) ?? "nd";
        return $"{(place.Length > 0 ? place : "doc")}-{year}";
    }

    /// <summary>"Cự Khối" → "cu-khoi": folded, lower case, ASCII letters and digits joined by hyphens.</summary>
    public static string Slug(string text)
    {
        var folded = VietnameseText.Key(text);
        var slug = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
