using System.Text.RegularExpressions;
using SearchService.Core.Text;
using static SearchService.Core.Mentions.MentionPatterns;

namespace SearchService.Core.Mentions;

/// <summary>
/// Finds mentions of Party and State documents in a report, as the mentions spec defines them, and
/// gives each its canonical key. Pure and thread-safe; the patterns are compiled once.
/// </summary>
/// <remarks>
/// <para>How it reads: the patterns run on a folded lower-case copy of the text (diacritics removed,
/// same length), so "Chỉ thị", "chỉ thị", "CHI THI" and "Chi thi" are one word. A kind word ("Nghị quyết",
/// "Chỉ thị", … or "NQ") must be followed by a number ("05", "số 05-CT/TW", "15/2020/NĐ-CP") or, for a
/// resolution, by a Central Committee plenum ("Trung ương IV", "TW4", "Hội nghị Trung ương 7"). A kind
/// word written with diacritics must be that word ("để ăn 2" is not "Đề án"); text typed without any
/// diacritics is read as well. Party and State symbols standing alone ("05-CT/TW", "15/2020/NĐ-CP") are
/// mentions too.</para>
/// <para>Spans: the first item of a list runs from the kind word to the end of its number and symbol
/// ("Chỉ thị số 05-CT/TƯ", "Nghị quyết Trung ương IV", "NQ TW4"); each further item is its own span
/// ("27", "TW6", "VII", "218"). The body and the term written after a mention ("của Bộ Chính trị",
/// "(khóa XII)") decide its key but are not part of the span; they are in <see cref="Mention.Sentence"/>.
/// "Nghị quyết Trung ương 4 (khóa XI, XII)" gives TW4/XI on "Nghị quyết Trung ương 4" and TW4/XII on "XII".</para>
/// <para>Decisions: a number before the kind word is a count ("10 Nghị quyết chuyên đề"); a bare number
/// followed by a unit or count noun ("Kế hoạch 5 năm", "120%"), a decimal or thousands group, a date or a
/// range is not a document. A bare single digit without "số", symbol or issuer ("Kế hoạch 1, nhiệm vụ 10")
/// is a slogan or count, not a mention; a bare year ("Chương trình 2018") likewise. "quyết định kết nạp"
/// has no number, so it is the verb "decide", not a decision. "Đề án 03" (number, no symbol, no issuer)
/// is a mention with key 03-ĐA. "Nghị quyết số 18 của Hội nghị Trung ương 6 (khóa XII)" is the numbered
/// resolution 18-NQ/TW (the plenum names its issuer, not another mention); "Nghị quyết số 26 của Trung ương"
/// is 26-NQ/TW. Congress resolutions ("Nghị quyết Đại hội …") are out of scope. A law needs a State
/// number ("Luật số 91/2015/QH13").</para>
/// <para>Issuers: the symbol's issuer wins; else the body named right after the list ("của Bộ Chính trị"
/// → TW, "của Ban Thường vụ Thành ủy" → TU, "của Quận ủy" → QU, "của Đảng ủy" → ĐU), also across "A và B
/// của Thành ủy"; else, when the same kind and number occur elsewhere in the document with exactly one
/// issuer (or one full State number), that one; else unknown ("703-QĐ"). The term of a plenum is taken
/// only from the mention or its list, never from elsewhere in the document, as the spec says.</para>
/// <para>Input: NFC text (callers normalise NFD first); either tone placement; "\n" paragraphs.</para>
/// </remarks>
public sealed class MentionExtractor
{
    private const int MaxSentenceSide = 400;

    private static readonly System.Buffers.SearchValues<char> LowerCaseLetters = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ");

    /// <summary>All mentions in <paramref name="text"/>, in document order.</summary>
    public IReadOnlyList<Mention> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var folded = text.ToLowerInvariant().ToCharArray();
        VietnameseText.FoldInPlace(folded);
        var scan = new Scan(text, new string(folded));
        scan.Run();
        return scan.Build();
    }

    /// <summary>State of one extraction: the text, its folded copy and the items found so far.</summary>
    private sealed class Scan(string text, string folded)
    {
        private readonly List<Group> _groups = [];
        private readonly List<Item> _items = [];

        public void Run()
        {
            var pos = 0;
            while (pos < folded.Length)
            {
                var kind = KindWord.Match(folded, pos);
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

                mentions.Add(new Mention(item.Key(), item.Kind.Name, text[item.Start..item.End], item.Start, item.End,
                    Sentence(item.Start, item.End), item.NumberField(), item.SymbolField(), item.IssuerField(), item.Plenum, item.Term));
            }

            return mentions;
        }

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

            var m = Plenum.Match(folded, kind.Index);
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
                var next = PlenumNext.Match(folded, pos);
                if (!next.Success || next.Index != pos)
                {
                    break;
                }

                var value = PlenumOf(next);
                var itemEnd = next.Index + next.Length;
                if (value is null || CountWord.Match(folded, itemEnd) is { Success: true } c && c.Index == itemEnd)
                {
                    break;
                }

                var item = next.Groups["i"];
                plenums.Add((value.Value, item.Index, item.Index + item.Length));
                pos = itemEnd;
            }

            if (plenums.Count == 1 && CountWord.Match(folded, pos) is { Success: true } count && count.Index == pos)
            {
                return null;
            }

            var terms = new List<(string Roman, int Start, int End)>();
            var term = Term.Match(folded, pos);
            if (term.Success && term.Index == pos)
            {
                foreach (Capture t in term.Groups["t"].Captures)
                {
                    var value = char.IsAsciiDigit(t.Value[0]) || RomanAsWritten(t) ? SymbolText.Numeral(t.Value) : null;
                    if (value is null)
                    {
                        terms.Clear();
                        break;
                    }

                    terms.Add((SymbolText.Roman(value.Value), t.Index, t.Index + t.Length));
                }

                if (terms.Count > 0)
                {
                    pos = term.Index + term.Length;
                }
            }

            foreach (var (value, start, end) in plenums)
            {
                if (terms.Count == 0)
                {
                    Add(new Item(DocumentKinds.Resolution, start, end) { Plenum = value });
                    continue;
                }

                for (var i = 0; i < terms.Count; i++)
                {
                    var (s, e) = i == 0 ? (start, end) : (terms[i].Start, terms[i].End);
                    Add(new Item(DocumentKinds.Resolution, s, e) { Plenum = value, Term = terms[i].Roman });
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
            if (tw.Success && tw.Value == "tu" && text[tw.Index + 1] is not ('Ư' or 'ư'))
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
                if (text[i] is not ('I' or 'V' or 'X'))
                {
                    return false;
                }
            }

            return true;
        }

        private int? TryNumbered(Match kindMatch)
        {
            var kind = DocumentKinds.ByFoldedWord(kindMatch.Groups["k"].Value);
            if (kind is null || !KindWordAsWritten(kindMatch, kind))
            {
                return null;
            }

            var intro = Intro.Match(folded, kindMatch.Index + kindMatch.Length);
            if (!intro.Success || intro.Index != kindMatch.Index + kindMatch.Length)
            {
                return null;
            }

            var hasSo = intro.Groups["so"].Success;
            var group = new Group(kind, hasSo);
            var pos = intro.Index + intro.Length;
            var itemStart = kindMatch.Index;
            while (true)
            {
                var item = ReadItem(kind, hasSo, pos, itemStart, group.Items.Count == 0 ? null : group.Items[^1]);
                if (item is null)
                {
                    break;
                }

                group.Items.Add(item);
                pos = item.End;
                var sep = ItemSeparator.Match(folded, pos);
                if (!sep.Success || sep.Index != pos)
                {
                    break;
                }

                itemStart = sep.Index + sep.Length;
                pos = itemStart;
            }

            if (group.Items.Count == 0)
            {
                return null;
            }

            var end = group.Items[^1].End;
            ApplyIssuerPhrase(group, end);
            var firstBare = group.Items[0];
            if (firstBare.IsBare && !hasSo && group.PhraseIssuer is null && firstBare.RawNumber.Length == 1)
            {
                // "Kế hoạch 1, nhiệm vụ giải pháp 10": a single bare digit is a slogan or count.
                return null;
            }

            if (firstBare.IsBare && !hasSo && group.PhraseIssuer is null && IsAllCaps(kindMatch.Groups["k"]))
            {
                // "KẾ HOẠCH 16" in a table or heading is a label, not a citation (citations say "số" or give a symbol).
                return null;
            }

            // Bare items of a list take the symbol of a later item with the same code ("01, 02 và 03-CTr/QU").
            for (var i = group.Items.Count - 2; i >= 0; i--)
            {
                var it = group.Items[i];
                var later = group.Items[i + 1];
                if (it.IsBare && !later.IsState && later.Code == it.Code && later.Issuer is not null)
                {
                    it.Issuer = later.Issuer;
                }
            }

            foreach (var it in group.Items)
            {
                Add(it);
            }

            _groups.Add(group);
            return end;
        }

        private Item? ReadItem(DocumentKind kind, bool hasSo, int pos, int spanStart, Item? previous)
        {
            var m = ItemPattern.Match(folded, pos);
            if (!m.Success || m.Index != pos || m.Length == 0)
            {
                return null;
            }

            var n = m.Groups["n"];
            var end = m.Index + m.Length;
            if (m.Groups["party"].Success)
            {
                var code = SymbolText.Code(text.Substring(m.Groups["pc"].Index, m.Groups["pc"].Length));
                var hasIssuer = m.Groups["pi"].Success;
                if (DocumentKinds.ByCode(code) is not null || hasIssuer)
                {
                    if (kind == DocumentKinds.Law)
                    {
                        return null;
                    }

                    return new Item(kind, spanStart, end)
                    {
                        RawNumber = n.Value,
                        Code = code,
                        Issuer = hasIssuer ? SymbolText.Code(text.Substring(m.Groups["pi"].Index, m.Groups["pi"].Length)) : null,
                        HasSymbol = true,
                    };
                }

                end = n.Index + n.Length;
            }
            else if (m.Groups["state"].Success)
            {
                var symbol = SymbolText.StateSymbol(text.Substring(m.Groups["sc"].Index, m.Groups["sc"].Length));
                return new Item(kind, spanStart, end)
                {
                    RawNumber = text.Substring(n.Index, n.Length),
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

                return new Item(kind, spanStart, end)
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

            var goesOn = NumberGoesOn.Match(folded, end);
            if (goesOn.Success && goesOn.Index == end)
            {
                var isTightList = folded[end] == ',' && previous is null && TightListContinues(end);
                if (!isTightList)
                {
                    return null;
                }
            }

            // After "số" the number is a document number ("quyết định số 10 điều chỉnh …"), unless a percentage.
            var count = CountWord.Match(folded, end);
            if (count.Success && count.Index == end && (!hasSo || count.Value.TrimStart().StartsWith('%')))
            {
                return null;
            }

            if (previous is not null && folded[spanStart - 1] == ',' && char.IsAsciiDigit(folded[spanStart])
                && n.Value.Length != previous.RawNumber.Length && !char.IsWhiteSpace(folded[spanStart - 1]))
            {
                return null;
            }

            if (!hasSo && previous is null && n.Value.Length == 4 && int.TryParse(n.Value, out var year) && year is >= 1945 and <= 2035)
            {
                // "Chương trình 2018": a year, not a number ("Công văn 2039" is a number).
                return null;
            }

            return new Item(kind, spanStart, end) { RawNumber = n.Value, Code = kind.Code };
        }

        // "217,218": a comma without space between numbers of the same width is a list, not a decimal.
        private bool TightListContinues(int comma)
        {
            var digitsBefore = 0;
            for (var i = comma - 1; i >= 0 && char.IsAsciiDigit(folded[i]); i--)
            {
                digitsBefore++;
            }

            var digitsAfter = 0;
            for (var i = comma + 1; i < folded.Length && char.IsAsciiDigit(folded[i]); i++)
            {
                digitsAfter++;
            }

            var after = comma + 1 + digitsAfter;
            var endsCleanly = after >= folded.Length || !char.IsLetterOrDigit(folded[after]) && folded[after] is not ('.' or '%' or '/');
            return digitsBefore == digitsAfter && digitsBefore >= 2 && endsCleanly;
        }

        private void ApplyIssuerPhrase(Group group, int end)
        {
            var phrase = IssuerPhrase.Match(folded, end);
            if (!phrase.Success || phrase.Index != end)
            {
                return;
            }

            foreach (var (name, issuer) in IssuerGroups)
            {
                if (phrase.Groups[name].Success)
                {
                    group.PhraseIssuer = issuer;
                    break;
                }
            }

            foreach (var it in group.Items.Where(i => !i.IsState && i.Issuer is null))
            {
                it.Issuer = group.PhraseIssuer;
            }

            // "Nghị quyết 15 và Chỉ thị 15 của Thành ủy": the body names the issuer of both.
            if (_groups.Count > 0)
            {
                var previous = _groups[^1];
                var between = folded[previous.Items[^1].End..group.Items[0].Start];
                if (previous.PhraseIssuer is null && Coordination.IsMatch(between))
                {
                    previous.PhraseIssuer = group.PhraseIssuer;
                    foreach (var it in previous.Items.Where(i => !i.IsState && i.Issuer is null))
                    {
                        it.Issuer = group.PhraseIssuer;
                    }
                }
            }
        }

        private void FindStandaloneSymbols()
        {
            var covered = _items.Select(i => (i.Start, i.End)).ToList();
            bool Overlaps(int s, int e) => covered.Any(c => s < c.End && c.Start < e);

            foreach (Match m in PartySymbol.Matches(folded))
            {
                var pc = m.Groups["pc"];
                if (Overlaps(m.Index, m.Index + m.Length) || !char.IsUpper(text[pc.Index]))
                {
                    continue;
                }

                var code = SymbolText.Code(text.Substring(pc.Index, pc.Length));
                var kind = DocumentKinds.ByCode(code);
                if (kind is null)
                {
                    continue;
                }

                Add(new Item(kind, m.Index, m.Index + m.Length)
                {
                    RawNumber = m.Groups["n"].Value,
                    Code = code,
                    Issuer = SymbolText.Code(text.Substring(m.Groups["pi"].Index, m.Groups["pi"].Length)),
                    HasSymbol = true,
                });
            }

            foreach (Match m in StateSymbol.Matches(folded))
            {
                var sc = m.Groups["sc"];
                if (Overlaps(m.Index, m.Index + m.Length) || !char.IsUpper(text[sc.Index]))
                {
                    continue;
                }

                var symbol = SymbolText.StateSymbol(text.Substring(sc.Index, sc.Length));
                var parts = KeyParts.Parse($"1/{symbol}");
                var kind = parts?.Kind ?? DocumentKinds.OfficialLetter;
                Add(new Item(kind, m.Index, m.Index + m.Length)
                {
                    RawNumber = text.Substring(m.Groups["n"].Index, m.Groups["n"].Length),
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

        private bool IsAllCaps(Capture word)
            => word.Length > 2 && !text.AsSpan(word.Index, word.Length).ContainsAny(LowerCaseLetters);

        private bool KindWordAsWritten(Match kindMatch, DocumentKind kind)
        {
            var k = kindMatch.Groups["k"];
            var written = text.Substring(k.Index, k.Length);
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

        private void Add(Item item)
        {
            item.Order = _items.Count;
            _items.Add(item);
        }

        private string Sentence(int start, int end)
        {
            var s = start;
            var limit = Math.Max(0, start - MaxSentenceSide);
            while (s > limit && !IsSentenceEnd(s - 1))
            {
                s--;
            }

            var e = end;
            var upper = Math.Min(text.Length, end + MaxSentenceSide);
            while (e < upper && !IsSentenceEnd(e))
            {
                e++;
            }

            if (e < text.Length && text[e] is '.' or '!' or '?')
            {
                e++;
            }

            return text[s..e].Trim();
        }

        private bool IsSentenceEnd(int i)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                return true;
            }

            if (c is '.' or '!' or '?')
            {
                var nextIsSpace = i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]);
                return nextIsSpace;
            }

            return false;
        }
    }

    /// <summary>The items of one kind word and the body named after them.</summary>
    private sealed class Group(DocumentKind kind, bool hasSo)
    {
        public DocumentKind Kind { get; } = kind;

        public bool HasSo { get; } = hasSo;

        public List<Item> Items { get; } = [];

        public string? PhraseIssuer { get; set; }
    }

    /// <summary>One mention in the making.</summary>
    private sealed class Item(DocumentKind kind, int start, int end)
    {
        public DocumentKind Kind { get; } = kind;

        public int Start { get; } = start;

        public int End { get; } = end;

        public int Order { get; set; }

        public bool Rejected { get; set; }

        public string RawNumber { get; set; } = "";

        public string? Code { get; set; }

        public string? Issuer { get; set; }

        public string? Year { get; set; }

        public string? StateSymbolText { get; set; }

        public bool IsState { get; set; }

        public bool HasSymbol { get; set; }

        public int? Plenum { get; set; }

        public string? Term { get; set; }

        public bool IsBare => !HasSymbol && Plenum is null;

        public string Key()
        {
            if (Plenum is { } p)
            {
                return Term is null ? $"TW{p}" : $"TW{p}/{Term}";
            }

            if (IsState)
            {
                return Year is null ? $"{RawNumber}/{StateSymbolText}" : $"{RawNumber}/{Year}/{StateSymbolText}";
            }

            var number = SymbolText.PartyNumber(RawNumber);
            return Issuer is null ? $"{number}-{Code}" : $"{number}-{Code}/{Issuer}";
        }

        public string? NumberField() => Plenum is not null ? null
            : IsState ? (Year is null ? RawNumber : $"{RawNumber}/{Year}") : SymbolText.PartyNumber(RawNumber);

        public string? SymbolField() => Plenum is not null ? "NQ" : IsState ? StateSymbolText : Code;

        public string? IssuerField()
        {
            if (Plenum is not null)
            {
                return "TW";
            }

            if (!IsState)
            {
                return Issuer;
            }

            var parts = KeyParts.Parse(Key());
            return parts?.Issuer;
        }
    }
}
