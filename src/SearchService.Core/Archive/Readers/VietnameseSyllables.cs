using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SearchService.Core.Archive.Readers;

/// <summary>
/// Whether a word is a well-formed Vietnamese syllable (onset, vowel nucleus, coda, at most one tone),
/// and the share of such words in a text: the score by which a legacy encoding is recognised.
/// </summary>
internal static partial class VietnameseSyllables
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

        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var tones = 0;
        var bare = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323':
                    tones++;
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark
                        && c is not ('\u0302' or '\u0306' or '\u031B'))
                    {
                        return false;
                    }

                    bare.Append(c);
                    break;
            }
        }

        if (tones > 1)
        {
            return false;
        }

        var toneless = bare.ToString().Normalize(NormalizationForm.FormC);
        if (!SyllablePattern().IsMatch(toneless))
        {
            return false;
        }

        // Stop codas (c, ch, p, t) take only the acute or the dot below.
        if (tones == 1 && StopCoda().IsMatch(toneless))
        {
            return decomposed.Contains('\u0301') || decomposed.Contains('\u0323');
        }

        return true;
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

    // Toneless, lower case, NFC: onset, then a nucleus with its glides, then a coda.
    [GeneratedRegex(
        "^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?" +
        "(?:" +
        "(?:a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|iê|yê|ươ|uô|oa|oă|oe|uâ|uê|uy|uyê|ưa|ua|ia|uya)(?:c|ch|m|n|ng|nh|p|t)?" +
        "|(?:ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|iêu|yêu|ươi|ươu|uôi|oai|oay|oeo|uây|uyu|ai|ưa|ia|ua|uya|ya)" +
        ")$",
        RegexOptions.CultureInvariant)]
    private static partial Regex SyllablePattern();

    [GeneratedRegex("(?:c|ch|p|t)$", RegexOptions.CultureInvariant)]
    private static partial Regex StopCoda();
}
