using System.Text.RegularExpressions;
using static SearchService.Core.Mentions.Extraction.MentionPatterns;

namespace SearchService.Core.Mentions.Extraction;

/// <summary>Numbered mentions: a kind word and its list of numbers ("Chỉ thị số 05-CT/TW", "Nghị quyết 15, 16 và
/// 17"), and what makes a bare number a count, a year or a quantity instead.</summary>
internal sealed partial class MentionScan
{
    private static readonly System.Buffers.SearchValues<char> LowerCaseLetters = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ");

    private int? TryNumbered(Match kindMatch)
    {
        var kind = DocumentKinds.ByFoldedWord(kindMatch.Groups["k"].Value);
        if (kind is null || !KindWordAsWritten(kindMatch, kind))
        {
            return null;
        }

        var intro = Intro.Match(_folded, kindMatch.Index + kindMatch.Length);
        if (!intro.Success || intro.Index != kindMatch.Index + kindMatch.Length)
        {
            return null;
        }

        var hasSo = intro.Groups["so"].Success;
        var list = new KindWordList(kind, hasSo);
        var pos = intro.Index + intro.Length;
        var itemStart = kindMatch.Index;
        while (true)
        {
            var item = ReadItem(kind, hasSo, pos, itemStart, list.Items.Count == 0 ? null : list.Items[^1]);
            if (item is null)
            {
                break;
            }

            list.Items.Add(item);
            pos = item.End;
            var sep = ItemSeparator.Match(_folded, pos);
            if (!sep.Success || sep.Index != pos)
            {
                break;
            }

            itemStart = sep.Index + sep.Length;
            pos = itemStart;
        }

        if (list.Items.Count == 0)
        {
            return null;
        }

        var end = list.Items[^1].End;
        if (ForeignBody.Match(_folded, end) is { Success: true } foreign && foreign.Index == end)
        {
            // "Nghị quyết 2397 của Hội đồng Bảo an Liên hợp quốc": not a Vietnamese document.
            return end;
        }

        ApplyIssuerPhrase(list, end);
        var firstBare = list.Items[0];
        if (firstBare.IsBare && !hasSo && list.PhraseIssuer is null && firstBare.RawNumber.Length == 1)
        {
            // "Kế hoạch 1, nhiệm vụ giải pháp 10": a single bare digit is a slogan or count.
            return null;
        }

        if (firstBare.IsBare && !hasSo && list.PhraseIssuer is null && IsAllCaps(kindMatch.Groups["k"]))
        {
            // "KẾ HOẠCH 16" in a table or heading is a label, not a citation (citations say "số" or give a symbol).
            return null;
        }

        // Bare items of a list take the symbol of a later item with the same code ("01, 02 và 03-CTr/QU").
        for (var i = list.Items.Count - 2; i >= 0; i--)
        {
            var it = list.Items[i];
            var later = list.Items[i + 1];
            if (it.IsBare && !later.IsState && later.Code == it.Code && later.Issuer is not null)
            {
                it.Issuer = later.Issuer;
            }
        }

        foreach (var it in list.Items)
        {
            Add(it);
        }

        _lists.Add(list);
        return end;
    }

    private MentionItem? ReadItem(DocumentKind kind, bool hasSo, int pos, int spanStart, MentionItem? previous)
    {
        var m = ItemPattern.Match(_folded, pos);
        if (!m.Success || m.Index != pos || m.Length == 0)
        {
            return null;
        }

        var n = m.Groups["n"];
        var end = m.Index + m.Length;
        if (m.Groups["party"].Success)
        {
            var code = SymbolText.Code(_text.Substring(m.Groups["pc"].Index, m.Groups["pc"].Length));
            var hasIssuer = m.Groups["pi"].Success;
            if (DocumentKinds.ByCode(code) is not null || hasIssuer)
            {
                if (kind == DocumentKinds.Law)
                {
                    return null;
                }

                return new MentionItem(kind, spanStart, end)
                {
                    RawNumber = n.Value,
                    Code = code,
                    Issuer = hasIssuer ? SymbolText.Code(_text.Substring(m.Groups["pi"].Index, m.Groups["pi"].Length)) : null,
                    HasSymbol = true,
                };
            }

            end = n.Index + n.Length;
        }
        else if (m.Groups["state"].Success)
        {
            var symbol = SymbolText.StateSymbol(_text.Substring(m.Groups["sc"].Index, m.Groups["sc"].Length));
            return new MentionItem(kind, spanStart, end)
            {
                RawNumber = _text.Substring(n.Index, n.Length),
                Year = m.Groups["y"].Success ? m.Groups["y"].Value : null,
                StateSymbolText = symbol,
                IsState = true,
                HasSymbol = true,
            };
        }
        else if (m.Groups["yo"].Success)
        {
            if (kind.Code is null)
            {
                return null;
            }

            return new MentionItem(kind, spanStart, end)
            {
                RawNumber = n.Value,
                Year = m.Groups["yo"].Value,
                StateSymbolText = kind.Code,
                IsState = true,
                HasSymbol = true,
            };
        }

        // A bare number: make sure it is not a count, a quantity, a date or a year.
        if (kind == DocumentKinds.Law)
        {
            return null;
        }

        var goesOn = NumberGoesOn.Match(_folded, end);
        if (goesOn.Success && goesOn.Index == end)
        {
            var isTightList = _folded[end] == ',' && previous is null && TightListContinues(end);
            if (!isTightList)
            {
                return null;
            }
        }

        // After "số" the number is a document number ("quyết định số 10 điều chỉnh …"), unless a percentage.
        var count = CountWord.Match(_folded, end);
        if (count.Success && count.Index == end && (!hasSo || count.Value.TrimStart().StartsWith('%')))
        {
            return null;
        }

        if (previous is not null && _folded[spanStart - 1] == ',' && char.IsAsciiDigit(_folded[spanStart])
            && n.Value.Length != previous.RawNumber.Length && !char.IsWhiteSpace(_folded[spanStart - 1]))
        {
            return null;
        }

        if (!hasSo && previous is null && n.Value.Length == 4 && int.TryParse(n.Value, out var year) && year is >= 1945 and <= 2035)
        {
            // "Chương trình 2018": a year, not a number ("Công văn 2039" is a number).
            return null;
        }

        return new MentionItem(kind, spanStart, end) { RawNumber = n.Value, Code = kind.Code };
    }

    // "217,218": a comma without space between numbers of the same width is a list, not a decimal.

    private bool TightListContinues(int comma)
    {
        var digitsBefore = 0;
        for (var i = comma - 1; i >= 0 && char.IsAsciiDigit(_folded[i]); i--)
        {
            digitsBefore++;
        }

        var digitsAfter = 0;
        for (var i = comma + 1; i < _folded.Length && char.IsAsciiDigit(_folded[i]); i++)
        {
            digitsAfter++;
        }

        var after = comma + 1 + digitsAfter;
        var endsCleanly = after >= _folded.Length || !char.IsLetterOrDigit(_folded[after]) && _folded[after] is not ('.' or '%' or '/');
        return digitsBefore == digitsAfter && digitsBefore >= 2 && endsCleanly;
    }

    private bool IsAllCaps(Capture word)
        => word.Length > 2 && !_text.AsSpan(word.Index, word.Length).ContainsAny(LowerCaseLetters);
}
