using SearchService.Core.Text;

namespace SearchService.Core.Archive.Readers;

/// <summary>
/// Whether a word is a well-formed Vietnamese syllable (onset, vowel nucleus, coda, at most one tone),
/// and the share of such words in a text: the score by which a legacy encoding is recognised. The syllables
/// are those of <see cref="TypedVietnamese.IsSyllable"/>, in any case.
/// </summary>
internal static class VietnameseSyllables
{
    /// <summary>
    /// Share of the words of <paramref name="text"/> (tokens holding a letter) that are Vietnamese
    /// syllables, and the number of words counted. A token with a symbol inside it ("b¸o") is not a word
    /// of any language, so it counts against the score.
    /// </summary>
    public static (double Share, int Words) Score(string text, int maxWords = 4000)
    {
        var words = 0;
        var valid = 0;
        foreach (var token in Tokens(text))
        {
            var hasLetter = false;
            foreach (var c in token)
            {
                if (char.IsLetter(c))
                {
                    hasLetter = true;
                    break;
                }
            }

            if (!hasLetter)
            {
                continue;
            }

            words++;
            if (IsSyllable(token))
            {
                valid++;
            }

            if (words >= maxWords)
            {
                break;
            }
        }

        return (words == 0 ? 0 : (double)valid / words, words);
    }

    /// <summary>True for one Vietnamese syllable in any case ("Phường", "UBND" is not one).</summary>
    public static bool IsSyllable(string word)
    {
        if (word.Length is 0 or > 8)
        {
            return false;
        }

        // One case: all lower, all upper, or a capital first.
        var rest = word.AsSpan(1);
        var restUpper = rest.Length > 0 && IsAllUpper(rest);
        var restLower = rest.Length == 0 || IsAllLower(rest);
        if (!restLower && !restUpper)
        {
            return false;
        }

        // The inventory the Telex/VNI decoder checks its readings against: onsets, rhymes, one tone, the spelling rules.
        return TypedVietnamese.IsSyllable(VietnameseText.Normalize(VietnameseText.ToLower(word)));
    }

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllLower(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || char.IsWhiteSpace(text[i]);
            if (!end && start < 0)
            {
                start = i;
            }
            else if (end && start >= 0)
            {
                var token = text.AsSpan(start, i - start).Trim(EdgePunctuation);
                start = -1;
                if (token.Length > 0)
                {
                    yield return token.ToString();
                }
            }
        }
    }

    private const string EdgePunctuation = ".,;:!?\"'()[]{}…“”‘’«»-–—/*";
}
