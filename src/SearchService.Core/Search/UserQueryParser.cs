using System.Text;

namespace SearchService.Core.Search;

/// <summary>
/// The user query syntax: words, "quoted phrases" and -exclusions (-word, -"phrase"). It is total:
/// every string parses. Lucene's own syntax is not interpreted — "title:(x", "a*", "b~2" are plain
/// words, so nothing a user types can make an expensive or failing query. An unclosed quote runs to the
/// end; a lone '+' is ignored and a lone '-' stays with the free words ("05 - CT/TW"); typographic quotes (“ ” „) count as quotes.
/// </summary>
public static class UserQueryParser
{
    public static UserQuery Parse(string? text)
    {
        var parts = new List<QueryPart>();
        var freeWords = new StringBuilder();
        var span = (text ?? "").AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (char.IsWhiteSpace(span[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            if (span[i] is '-' or '+' && i + 1 < span.Length && !char.IsWhiteSpace(span[i + 1]))
            {
                excluded = span[i] == '-';
                i++;
            }
            else if (span[i] is '-')
            {
                // A lone dash between words stays among them: "05 - CT/TW" is one document symbol.
                if (freeWords.Length > 0)
                {
                    freeWords.Append(" -");
                }

                i++;
                continue;
            }
            else if (span[i] is '+')
            {
                i++;
                continue;
            }

            if (IsQuote(span[i]))
            {
                var end = i + 1;
                while (end < span.Length && !IsQuote(span[end]))
                {
                    end++;
                }

                var phrase = span[(i + 1)..end].ToString().Trim();
                if (phrase.Length > 0)
                {
                    parts.Add(new QueryPart(phrase, IsPhrase: true, excluded));
                }

                i = Math.Min(end + 1, span.Length);
                continue;
            }

            var wordEnd = i;
            while (wordEnd < span.Length && !char.IsWhiteSpace(span[wordEnd]) && !IsQuote(span[wordEnd]))
            {
                wordEnd++;
            }

            var word = span[i..wordEnd].ToString();
            if (excluded)
            {
                parts.Add(new QueryPart(word, IsPhrase: false, IsExcluded: true));
            }
            else
            {
                freeWords.Append(freeWords.Length > 0 ? " " : "").Append(word);
            }

            i = wordEnd;
        }

        while (freeWords.Length >= 2 && freeWords[^1] == '-' && freeWords[^2] == ' ')
        {
            freeWords.Length -= 2;
        }

        if (freeWords.Length > 0)
        {
            // All free words form one run, in order, so adjacent syllables can be scored as words.
            parts.Insert(0, new QueryPart(freeWords.ToString(), IsPhrase: false, IsExcluded: false));
        }

        return new UserQuery(parts);
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';
}
