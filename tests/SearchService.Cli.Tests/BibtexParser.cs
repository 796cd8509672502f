using System.Text;

namespace SearchService.Cli.Tests;

/// <summary>One BibTeX entry as read back: type, key and raw field values (braces stripped).</summary>
internal sealed record BibtexEntry(string Type, string Key, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// A small strict BibTeX reader for the tests: @type{key, name = {value}, …}. Values must be braced and
/// balanced, with \{ and \} as literal braces; anything else is a FormatException.
/// </summary>
internal static class BibtexParser
{
    public static IReadOnlyList<BibtexEntry> Parse(string text)
    {
        var entries = new List<BibtexEntry>();
        var i = 0;
        SkipSpace(text, ref i);
        while (i < text.Length)
        {
            Expect(text, ref i, '@');
            var type = Word(text, ref i);
            Expect(text, ref i, '{');
            var key = Word(text, ref i);
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            SkipSpace(text, ref i);
            while (i < text.Length && text[i] == ',')
            {
                i++;
                SkipSpace(text, ref i);
                if (i < text.Length && text[i] == '}')
                {
                    break;
                }

                var name = Word(text, ref i);
                Expect(text, ref i, '=');
                SkipSpace(text, ref i);
                if (!fields.TryAdd(name, Braced(text, ref i)))
                {
                    throw new FormatException($"field '{name}' twice in entry '{key}'");
                }

                SkipSpace(text, ref i);
            }

            Expect(text, ref i, '}');
            entries.Add(new BibtexEntry(type, key, fields));
            SkipSpace(text, ref i);
        }

        return entries;
    }

    private static string Braced(string text, ref int i)
    {
        Expect(text, ref i, '{');
        var value = new StringBuilder();
        var depth = 1;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '\\' && i < text.Length)
            {
                value.Append(c).Append(text[i++]);
                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return value.ToString();
            }

            value.Append(c);
        }

        throw new FormatException("unbalanced braces");
    }

    private static string Word(string text, ref int i)
    {
        SkipSpace(text, ref i);
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or ':' or '.'))
        {
            i++;
        }

        return i > start ? text[start..i] : throw new FormatException($"a name expected at {i}");
    }

    private static void Expect(string text, ref int i, char c)
    {
        SkipSpace(text, ref i);
        if (i >= text.Length || text[i] != c)
        {
            throw new FormatException($"'{c}' expected at {i}");
        }

        i++;
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
