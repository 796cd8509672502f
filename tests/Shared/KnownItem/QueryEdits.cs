namespace SearchService.Tests.Shared.KnownItem;

/// <summary>Word-level edits that make the known-item query variants: words, one typo, the other tone placement.</summary>
internal static class QueryEdits
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    // Lower-case pairs with the tone mark on the first vowel (old style) and on the second (new style),
    // for the five tones (grave, acute, hook, tilde, dot).
    private static readonly Dictionary<string, string> OtherPlacement = BuildPlacements();

    /// <summary>Whitespace tokens that contain a letter, with punctuation and symbols stripped from both ends.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.Trim().Trim(PunctuationOf(token));
            if (word.Any(char.IsLetter))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>
    /// The text with one typo in one random word of at least 4 letters (letters only, so no numbers,
    /// digits, '/' or '-'): an insertion, deletion or substitution of a letter, or two adjacent letters
    /// swapped. Null when no word qualifies.
    /// </summary>
    public static string? WithTypo(string text, Random random)
    {
        var tokens = text.Split(' ');
        var eligible = Enumerable.Range(0, tokens.Length)
            .Where(i => Core(tokens[i]) is { Length: >= 4 } core && core.All(char.IsLetter))
            .ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        var index = eligible[random.Next(eligible.Count)];
        var token = tokens[index];
        var core = Core(token);
        var start = token.IndexOf(core, StringComparison.Ordinal);
        var word = new System.Text.StringBuilder(core);
        switch (random.Next(4))
        {
            case 0:
                word.Insert(random.Next(word.Length + 1), Letters[random.Next(Letters.Length)]);
                break;
            case 1:
                word.Remove(random.Next(word.Length), 1);
                break;
            case 2:
                Substitute(word, random);
                break;
            default:
                var swaps = Enumerable.Range(0, word.Length - 1).Where(i => word[i] != word[i + 1]).ToList();
                if (swaps.Count == 0)
                {
                    Substitute(word, random);
                    break;
                }

                var at = swaps[random.Next(swaps.Count)];
                (word[at], word[at + 1]) = (word[at + 1], word[at]);
                break;
        }

        tokens[index] = token[..start] + word + token[(start + core.Length)..];
        return string.Join(' ', tokens);
    }

    /// <summary>
    /// The text with every oa/oe/uy syllable ending written with the other tone placement (òa ↔ oà,
    /// ủy ↔ uỷ, …), in both directions; null when the text has none. A pair counts only at the end of a
    /// syllable (not "hoàng") and "uy" not after q ("quý" has one placement).
    /// </summary>
    public static string? OtherTonePlacement(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            var pair = string.Concat(char.ToLowerInvariant(chars[i]), char.ToLowerInvariant(chars[i + 1]));
            if (!OtherPlacement.TryGetValue(pair, out var other)
                || (i + 2 < chars.Length && char.IsLetter(chars[i + 2]))
                || (pair[0] is 'u' or 'ù' or 'ú' or 'ủ' or 'ũ' or 'ụ' && i > 0 && char.ToLowerInvariant(chars[i - 1]) == 'q'))
            {
                continue;
            }

            chars[i] = char.IsUpper(chars[i]) ? char.ToUpperInvariant(other[0]) : other[0];
            chars[i + 1] = char.IsUpper(chars[i + 1]) ? char.ToUpperInvariant(other[1]) : other[1];
            changed = true;
            i++;
        }

        return changed ? new string(chars) : null;
    }

    private static void Substitute(System.Text.StringBuilder word, Random random)
    {
        var at = random.Next(word.Length);
        char replacement;
        do
        {
            replacement = Letters[random.Next(Letters.Length)];
        }
        while (char.ToLowerInvariant(word[at]) == replacement);
        word[at] = replacement;
    }

    private static string Core(string token) => token.Trim(PunctuationOf(token));

    private static char[] PunctuationOf(string token) => token.Where(c => char.IsPunctuation(c) || char.IsSymbol(c)).Distinct().ToArray();

    private static Dictionary<string, string> BuildPlacements()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Pair(string firstToned, string secondToned, char first, char second)
        {
            for (var tone = 0; tone < 5; tone++)
            {
                var oldStyle = string.Concat(firstToned[tone], second);
                var newStyle = string.Concat(first, secondToned[tone]);
                map[oldStyle] = newStyle;
                map[newStyle] = oldStyle;
            }
        }

        Pair("òóỏõọ", "àáảãạ", 'o', 'a');
        Pair("òóỏõọ", "èéẻẽẹ", 'o', 'e');
        Pair("ùúủũụ", "ỳýỷỹỵ", 'u', 'y');
        return map;
    }
}
