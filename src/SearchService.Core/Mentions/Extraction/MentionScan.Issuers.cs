using System.Text.RegularExpressions;
using static SearchService.Core.Mentions.Extraction.MentionPatterns;

namespace SearchService.Core.Mentions.Extraction;

/// <summary>Issuers (the body named after a list), symbols standing alone, and resolution within the document.</summary>
internal sealed partial class MentionScan
{
    private void ApplyIssuerPhrase(KindWordList list, int end)
    {
        var phrase = IssuerPhrase.Match(_folded, end);
        if (!phrase.Success || phrase.Index != end)
        {
            return;
        }

        foreach (var (name, issuer) in IssuerGroups)
        {
            if (phrase.Groups[name].Success)
            {
                list.PhraseIssuer = issuer;
                break;
            }
        }

        foreach (var it in list.Items.Where(i => !i.IsState && i.Issuer is null))
        {
            it.Issuer = list.PhraseIssuer;
        }

        // "Nghị quyết 15 và Chỉ thị 15 của Thành ủy": the body names the issuer of both.
        if (_lists.Count > 0)
        {
            var previous = _lists[^1];
            var between = _folded[previous.Items[^1].End..list.Items[0].Start];
            if (previous.PhraseIssuer is null && Coordination.IsMatch(between))
            {
                previous.PhraseIssuer = list.PhraseIssuer;
                foreach (var it in previous.Items.Where(i => !i.IsState && i.Issuer is null))
                {
                    it.Issuer = list.PhraseIssuer;
                }
            }
        }
    }

    private void FindStandaloneSymbols()
    {
        var covered = _items.Select(i => (i.Start, i.End)).ToList();
        bool Overlaps(int s, int e) => covered.Any(c => s < c.End && c.Start < e);

        foreach (Match m in PartySymbol.Matches(_folded))
        {
            var pc = m.Groups["pc"];
            if (Overlaps(m.Index, m.Index + m.Length) || !char.IsUpper(_text[pc.Index]))
            {
                continue;
            }

            var code = SymbolText.Code(_text.Substring(pc.Index, pc.Length));
            var kind = DocumentKinds.ByCode(code);
            if (kind is null)
            {
                continue;
            }

            Add(new MentionItem(kind, m.Index, m.Index + m.Length)
            {
                RawNumber = m.Groups["n"].Value,
                Code = code,
                Issuer = SymbolText.Code(_text.Substring(m.Groups["pi"].Index, m.Groups["pi"].Length)),
                HasSymbol = true,
            });
        }

        foreach (Match m in StateSymbol.Matches(_folded))
        {
            var sc = m.Groups["sc"];
            if (Overlaps(m.Index, m.Index + m.Length) || !char.IsUpper(_text[sc.Index]))
            {
                continue;
            }

            var symbol = SymbolText.StateSymbol(_text.Substring(sc.Index, sc.Length));
            var parts = KeyParts.Parse($"1/{symbol}");
            var kind = parts?.Kind ?? DocumentKinds.OfficialLetter;
            Add(new MentionItem(kind, m.Index, m.Index + m.Length)
            {
                RawNumber = _text.Substring(m.Groups["n"].Index, m.Groups["n"].Length),
                Year = m.Groups["y"].Success ? m.Groups["y"].Value : null,
                StateSymbolText = symbol,
                IsState = true,
                HasSymbol = true,
            });
        }
    }

    // A bare mention takes the one issuer (or the one full State number) the document gives
    // elsewhere to the same code and number; with none or several, it stays open.
    private void ResolveWithinDocument()
    {
        var known = _items.Where(i => !i.Rejected && i.Plenum is null && (i.IsState || i.Issuer is not null))
            .GroupBy(i => (Code: i.IsState ? KeyParts.Parse(i.Key())?.Code : i.Code, Number: SymbolText.Unpadded(i.RawNumber)))
            .ToDictionary(g => g.Key, g => g.Select(i => i).DistinctBy(i => i.Key()).ToList());

        foreach (var item in _items.Where(i => !i.Rejected && i.Plenum is null && !i.IsState && i.Issuer is null))
        {
            if (known.TryGetValue((item.Code, SymbolText.Unpadded(item.RawNumber)), out var candidates) && candidates.Count == 1)
            {
                var source = candidates[0];
                item.Issuer = source.Issuer;
                if (source.IsState)
                {
                    item.IsState = true;
                    item.Year = source.Year;
                    item.StateSymbolText = source.StateSymbolText;
                    item.RawNumber = source.RawNumber;
                }
            }
        }
    }
}
