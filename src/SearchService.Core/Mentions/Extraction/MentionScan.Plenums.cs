using System.Text.RegularExpressions;
using static SearchService.Core.Mentions.Extraction.MentionPatterns;

namespace SearchService.Core.Mentions.Extraction;

/// <summary>Plenum resolutions: "Nghị quyết Trung ương IV", "NQ TW4, TW6", with their terms ("khóa XI, XII").</summary>
internal sealed partial class MentionScan
{
    private int? TryPlenum(Match kind)
    {
        var word = kind.Groups["k"].Value;
        if (word is not ("nq" or "nghi quyet") && !word.StartsWith("nghi", StringComparison.Ordinal))
        {
            return null;
        }

        if (!KindWordAsWritten(kind, DocumentKinds.Resolution))
        {
            return null;
        }

        var m = Plenum.Match(_folded, kind.Index);
        if (!m.Success || m.Index != kind.Index)
        {
            return null;
        }

        var first = PlenumOf(m);
        if (first is null)
        {
            return null;
        }

        var plenums = new List<(int Value, int Start, int End)> { (first.Value, m.Index, m.Index + m.Length) };
        var pos = m.Index + m.Length;
        while (true)
        {
            var next = PlenumNext.Match(_folded, pos);
            if (!next.Success || next.Index != pos)
            {
                break;
            }

            var value = PlenumOf(next);
            var itemEnd = next.Index + next.Length;
            if (value is null || CountWord.Match(_folded, itemEnd) is { Success: true } c && c.Index == itemEnd)
            {
                break;
            }

            var item = next.Groups["i"];
            plenums.Add((value.Value, item.Index, item.Index + item.Length));
            pos = itemEnd;
        }

        if (plenums.Count == 1 && CountWord.Match(_folded, pos) is { Success: true } count && count.Index == pos)
        {
            return null;
        }

        var terms = new List<(string Roman, int Start, int End)>();
        var term = Term.Match(_folded, pos);
        if (term.Success && term.Index == pos)
        {
            foreach (Capture t in term.Groups["t"].Captures)
            {
                var value = char.IsAsciiDigit(t.Value[0]) || RomanAsWritten(t) ? SymbolText.Numeral(t.Value) : null;
                if (value is null)
                {
                    // "khóa XII, Vì vậy …": the list of terms ends before a word that only looks Roman.
                    break;
                }

                terms.Add((SymbolText.Roman(value.Value), t.Index, t.Index + t.Length));
            }

            if (terms.Count > 0)
            {
                pos = terms[^1].End;
            }
        }

        foreach (var (value, start, end) in plenums)
        {
            if (terms.Count == 0)
            {
                Add(new MentionItem(DocumentKinds.Resolution, start, end) { Plenum = value });
                continue;
            }

            for (var i = 0; i < terms.Count; i++)
            {
                var (s, e) = i == 0 ? (start, end) : (terms[i].Start, terms[i].End);
                Add(new MentionItem(DocumentKinds.Resolution, s, e) { Plenum = value, Term = terms[i].Roman });
            }
        }

        return pos;
    }

    private int? PlenumOf(Match m)
    {
        if (m.Groups["w"].Success)
        {
            var w = m.Groups["w"];
            return char.IsAsciiDigit(w.Value[0]) || w.Value.All(ch => ch is 'i' or 'v' or 'x') && RomanAsWritten(w)
                ? SymbolText.Numeral(w.Value) ?? SymbolText.OrdinalWord(w.Value)
                : SymbolText.OrdinalWord(string.Join(' ', w.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }

        var tw = m.Groups["tw"];
        if (tw.Success && tw.Value == "tu" && _text[tw.Index + 1] is not ('Ư' or 'ư'))
        {
            // "TU" is the Thành ủy code; only "TƯ" stands for the Central Committee.
            return null;
        }

        var p = m.Groups["p"];
        if (!char.IsAsciiDigit(p.Value[0]) && !RomanAsWritten(p))
        {
            return null;
        }

        return SymbolText.Numeral(p.Value);
    }

    // Roman numerals count only when written upper-case ("VI", not the word "vì").

    private bool RomanAsWritten(Capture c)
    {
        for (var i = c.Index; i < c.Index + c.Length; i++)
        {
            if (_text[i] is not ('I' or 'V' or 'X'))
            {
                return false;
            }
        }

        return true;
    }
}
