using System.Text.RegularExpressions;
using SearchService.Core.Text;
using static SearchService.Core.Mentions.Extraction.MentionPatterns;

namespace SearchService.Core.Mentions.Extraction;

/// <summary>One extraction: the text, its folded copy (same length) and the items found so far.</summary>
/// <remarks>One class over one text, in files by concern: plenum resolutions (<c>.Plenums</c>), a kind word and
/// its numbered list (<c>.Numbered</c>), issuers, symbols standing alone and resolution within the document
/// (<c>.Issuers</c>), and the sentence around a mention (<c>.Sentences</c>).</remarks>
internal sealed partial class MentionScan(string text, string folded)
{
    private readonly string _text = text;

    private readonly string _folded = folded;

    private readonly List<KindWordList> _lists = [];

    private readonly List<MentionItem> _items = [];

    public void Run()
    {
        var pos = 0;
        while (pos < _folded.Length)
        {
            var kind = KindWord.Match(_folded, pos);
            if (!kind.Success)
            {
                break;
            }

            var end = TryPlenum(kind) ?? TryNumbered(kind);
            pos = end ?? kind.Index + kind.Length;
        }

        FindStandaloneSymbols();
        ResolveWithinDocument();
    }

    public IReadOnlyList<Mention> Build()
    {
        var mentions = new List<Mention>(_items.Count);
        foreach (var item in _items.OrderBy(i => i.Start).ThenBy(i => i.Order))
        {
            if (item.Rejected)
            {
                continue;
            }

            mentions.Add(new Mention(item.Key(), item.Kind.Name, _text[item.Start..item.End], item.Start, item.End,
                Sentence(item.Start, item.End), item.NumberField(), item.SymbolField(), item.IssuerField(), item.Plenum, item.Term));
        }

        return mentions;
    }

    /// <summary>The text and its folded lower-case copy (same length).</summary>
    public string Text => _text;

    public string Folded => _folded;

    private bool KindWordAsWritten(Match kindMatch, DocumentKind kind)
    {
        var k = kindMatch.Groups["k"];
        var written = _text.Substring(k.Index, k.Length);
        if (k.Value == "nq")
        {
            return written == "NQ";
        }

        if (!VietnameseText.HasDiacritics(written))
        {
            return true;
        }

        var normal = string.Join(' ', VietnameseText.Normalize(written).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return normal == VietnameseText.Normalize(kind.Vietnamese).ToLowerInvariant();
    }

    private void Add(MentionItem item)
    {
        item.Order = _items.Count;
        _items.Add(item);
    }
}
